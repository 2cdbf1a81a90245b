using System.Text.Json;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary><c>scrubctl remit inspect</c> on the public 835 samples and on files that are not 835s.</summary>
public sealed class RemitCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "x12", "835", name);

    [Fact]
    public async Task Inspect_ManagedCareSampleAsJson_ListsClaimsLinesAndAdjustments()
    {
        var run = await CliRun.RunAsync("remit", "inspect", Fixture("LinuxForHealth__managed-care.835"), "--format", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var claims = JsonDocument.Parse(run.Out).RootElement.GetProperty("claims");
        Assert.Equal(["5554555444", "8765432112"], claims.EnumerateArray().Select(c => c.GetProperty("claimId").GetString()));
        var second = claims[1];
        Assert.Equal("1", second.GetProperty("status").GetString());
        Assert.Equal(("CO", "A2", 55.00m), Triplet(second.GetProperty("adjustments")[0]));
        var line = second.GetProperty("lines")[0];
        Assert.Equal(("93555", "2002-03-10", 1200.00m, 550.00m),
            (line.GetProperty("procedureCode").GetString(), line.GetProperty("serviceDate").GetString(), line.GetProperty("charge").GetDecimal(), line.GetProperty("paid").GetDecimal()));
        Assert.Equal([("PR", "1", 600.00m), ("CO", "45", 50.00m)], line.GetProperty("adjustments").EnumerateArray().Select(Triplet));
        Assert.Equal(JsonValueKind.Null, line.GetProperty("lineControlNumber").ValueKind);
    }

    [Fact]
    public async Task Inspect_Table_ShowsEachLine()
    {
        var run = await CliRun.RunAsync("remit", "inspect", Fixture("LinuxForHealth__managed-care.835"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("claim 5554555444  status 1  charge 800.00  paid 450.00", run.Out, StringComparison.Ordinal);
        Assert.Contains("  line (no REF*6R)  93555  2002-03-10  charge 1200.00  paid 550.00  [PR-1 600.00, CO-45 50.00]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_NotX12_ExitsOneNamingTheFileAndByte()
    {
        var path = _temp.File("letter.txt");
        await File.WriteAllTextAsync(path, "Dear provider, please find enclosed your remittance.");

        var run = await CliRun.RunAsync("remit", "inspect", path);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.StartsWith($"{path}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("byte 0", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_CleanFileAsJson_HasAnEmptyWarningsArrayBesideTheUsualMembers()
    {
        var run = await CliRun.RunAsync("remit", "inspect", Fixture("LinuxForHealth__managed-care.835"), "--format", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(["transactions", "claims", "warnings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
        Assert.Contains("\"charge\": 1200.00", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_BareFragmentWithAWrongSegmentCount_ListsItsWarningsAfterTheClaims()
    {
        // An ST…SE with no envelope whose SE01 says 33 where there are 32: read with warnings (issue 11, item 4).
        var run = await CliRun.RunAsync("remit", "inspect", Fixture("keironstoddart__835_blue_cross_nc_sample.txt"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Out.Split('\n');
        var lastClaim = Array.FindLastIndex(lines, l => l.StartsWith("claim ", StringComparison.Ordinal));
        var firstWarning = Array.FindIndex(lines, l => l.StartsWith("warning ", StringComparison.Ordinal));
        Assert.InRange(lastClaim, 0, firstWarning);
        Assert.Contains(lines, l => l.StartsWith("warning NO_ENVELOPE at byte ", StringComparison.Ordinal));
        Assert.Matches(@"warning SEGMENT_COUNT at byte \d+ \(SE\): ", run.Out);
    }

    [Fact]
    public async Task Inspect_BareFragmentAsJson_CarriesEachWarningWithCodeOffsetSegmentAndMessage()
    {
        var run = await CliRun.RunAsync("remit", "inspect", Fixture("keironstoddart__835_blue_cross_nc_sample.txt"), "--format", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var warnings = JsonDocument.Parse(run.Out).RootElement.GetProperty("warnings").EnumerateArray().ToList();
        var count = Assert.Single(warnings, w => w.GetProperty("code").GetString() == "SEGMENT_COUNT");
        Assert.Equal("SE", count.GetProperty("segment").GetString());
        Assert.True(count.GetProperty("byteOffset").GetInt64() > 0);
        Assert.NotEmpty(count.GetProperty("message").GetString()!);
    }

    private static (string?, string?, decimal) Triplet(JsonElement adjustment) =>
        (adjustment.GetProperty("group").GetString(), adjustment.GetProperty("reason").GetString(), adjustment.GetProperty("amount").GetDecimal());
}
