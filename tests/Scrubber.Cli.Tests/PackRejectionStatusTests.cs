using System.Text.Json.Nodes;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary>A pack refused on a live load is shown by <c>scrubctl rules reload</c> and <c>scrubctl status</c> with why,
/// beside the previous version that stays live, so an operator sees that a payer runs on its old rules.</summary>
public sealed class PackRejectionStatusTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ExampleFailingOnReload_IsShownRejected_AndThePreviousVersionStaysLive()
    {
        var packs = _temp.File("packs");
        Directory.CreateDirectory(packs);
        PackFiles.CopyAllSamples(packs);
        await using var server = await RunningServer.StartAsync($"--Packs:Root={packs}", "--Packs:Watch=false");
        var before = await CliRun.RunAsync("status", "--server", server.Address);
        var live = Assert.Single(before.Out.Split('\n'), l => l.StartsWith("  live  acme-commercial@", StringComparison.Ordinal));

        // Indicator 0 cannot be bypassed, so the payer's policy edit on a 59 bypass can no longer appear.
        var example = Path.Combine(packs, "acme-commercial", "examples", "59-where-x-fits.json");
        var document = JsonNode.Parse(File.ReadAllText(example))!;
        document["assumes"]![0]!["indicator"] = 0;
        File.WriteAllText(example, document.ToJsonString());
        var reload = await CliRun.RunAsync("rules", "reload", "--server", server.Address);
        var status = await CliRun.RunAsync("status", "--server", server.Address);

        Assert.Equal(ExitCodes.Problems, reload.ExitCode);
        foreach (var run in new[] { reload, status })
        {
            Assert.Contains(live, run.Out, StringComparison.Ordinal);
            Assert.Matches(@"  REJECTED acme-commercial at \S*:\n    .*59-where-x-fits\.json.*expected type PAYER_PREFERS_X_MODIFIER on line 2 \(Warning\) but the pack did not raise it", run.Out.ReplaceLineEndings("\n"));
        }

        Assert.Equal(ExitCodes.Ok, status.ExitCode);
    }
}
