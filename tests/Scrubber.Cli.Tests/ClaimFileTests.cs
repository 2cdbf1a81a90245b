using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary>Claim files that cannot be scrubbed: malformed JSON is one <c>FILE:LINE:COL: reason</c> line and exit 1, a
/// file that cannot be read is exit 3. Nothing here needs the service: the file is read before any call.</summary>
public sealed class ClaimFileTests : IDisposable
{
    private const string Nowhere = "http://127.0.0.1:9";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Scrub_MalformedJson_ExitsOneWithFileLineAndColumn()
    {
        // Regression: the protobuf JSON parser's InvalidJsonException escaped and crashed scrubctl (exit 134).
        var path = await WriteAsync("""
            {
              "claimId": "X",
              "lines": [ { "lineId": "1" ,, } ]
            }
            """);

        var run = await CliRun.RunAsync("scrub", path, "--server", Nowhere);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith($"{path}:3:31: ", line, StringComparison.Ordinal);
        Assert.Contains("','", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_TruncatedJson_NamesWhereTheTextEnds()
    {
        var path = await WriteAsync("{ \"claimId\": \"X\",\n  \"lines\": [");

        var run = await CliRun.RunAsync("scrub", path, "--server", Nowhere);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(path)}:2:\d+: ", run.Error);
    }

    [Fact]
    public async Task Scrub_NonAsciiBeforeTheError_CountsTheColumnInCharacters()
    {
        var path = await WriteAsync("{ \"claimId\": \"Zoë-1\" \"payerId\": \"A\" }");

        var run = await CliRun.RunAsync("scrub", path, "--server", Nowhere);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.StartsWith($"{path}:1:22: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_MissingFile_ExitsThreeNamingIt()
    {
        var path = _temp.File("no-such-claim.json");

        var run = await CliRun.RunAsync("scrub", path, "--server", Nowhere);

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.StartsWith($"{path}: cannot be read", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesExplain_MalformedJson_ExitsOneWithFileLineAndColumn()
    {
        var path = await WriteAsync("{\n  \"claimId\": \"X\"\n  \"payerId\": \"ACME01\"\n}");

        var run = await CliRun.RunAsync("rules", "explain", path, "--packs", RepositoryPaths.Packs);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith($"{path}:3:3: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesExplain_MissingFile_ExitsThree()
    {
        var run = await CliRun.RunAsync("rules", "explain", _temp.File("gone.json"), "--packs", RepositoryPaths.Packs);

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Contains("gone.json: cannot be read", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NcciCheck_MissingPath_ExitsThreeNamingIt()
    {
        var path = _temp.File("ccipra-v322r0-f1.TXT");

        var run = await CliRun.RunAsync("ncci", "check", path);

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Contains($"{path}: no such file or folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesTest_MissingTablesPath_ExitsThreeNamingIt()
    {
        var tables = _temp.File("no-tables");

        var run = await CliRun.RunAsync("rules", "test", RepositoryPaths.Packs, "--practitioner", tables);

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Contains($"{tables}: no such file or folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesLint_MissingFolder_ExitsThreeNamingIt()
    {
        var packs = _temp.File("no-packs");

        var run = await CliRun.RunAsync("rules", "lint", packs);

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Contains($"{packs}: no such folder", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string json)
    {
        var path = _temp.File("claim.json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }
}
