using System.Text.Json.Nodes;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary><c>rules lint</c> warns when an example relies on NCCI rows of the loaded tables it does not declare in
/// <c>assumes</c>, since a new quarter could change its result.</summary>
public sealed class RulesLintAssumesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ShippedPacks_DeclareEveryRowTheirExamplesRelyOn()
    {
        var run = await CliRun.RunAsync("rules", "lint", RepositoryPaths.Packs);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain("warning", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExampleWithoutItsAssumedRow_IsAWarningNamingTheExampleAndPair()
    {
        var pack = PackFiles.CopySample("acme-commercial", _temp.Path);
        var example = Path.Combine(pack, "examples", "59-where-x-fits.json");
        var document = JsonNode.Parse(File.ReadAllText(example))!.AsObject();
        document.Remove("assumes");
        File.WriteAllText(example, document.ToJsonString());

        var run = await CliRun.RunAsync("rules", "lint", pack, "--practitioner", RepositoryPaths.PractitionerExcerpt);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"warning {example}: relies on NCCI rows it does not declare in 'assumes': 0001U/0030U", run.Out, StringComparison.Ordinal);
    }
}
