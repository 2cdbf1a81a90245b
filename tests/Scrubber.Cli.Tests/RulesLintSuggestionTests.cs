using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary><c>rules lint</c> warns, without failing, when a rule suggests a visit modifier on lines whose codes can
/// never take it: the service would drop that suggestion on every claim.</summary>
public sealed class RulesLintSuggestionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TwentyFiveSuggestedOnTheEcgLine_IsAWarningNamingTheRule()
    {
        var pack = PackFiles.CopySample("acme-commercial", _temp.Path);
        PackFiles.Edit(pack, p => PackFiles.FirstRule(p)["edit"]!["suggest"]![0]!["on"] = "line");

        var run = await CliRun.RunAsync("rules", "lint", pack);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(
            $"warning {Path.Combine(pack, "pack.json")}: rule 'ecg-with-office-visit-needs-25': edit.suggest: 25 is valid only on the codes of em-25-eligible",
            run.Out, StringComparison.Ordinal);
    }
}
