using System.Text.Json;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary><c>scrubctl demo seed</c> and <c>scrubctl report</c> against a real service with a fresh store.</summary>
public sealed class ReportCommandTests : IAsyncLifetime
{
    private RunningServer? _server;

    private string Server => _server!.Address;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task DemoSeed_ThenReports_ShowOverriddenAndMissedDenials()
    {
        var seed = await CliRun.RunAsync("demo", "seed", "--weeks", "2", "--claims-per-week", "40", "--server", Server);

        Assert.Equal(ExitCodes.Ok, seed.ExitCode);
        Assert.Matches(@"week of 2026-09-21: 40 claims scrubbed and confirmed, 835 ingested: \d+ lines, \d+ CO-97/236 denials", seed.Out);

        var overridden = await CliRun.RunAsync("report", "overridden-then-denied", "--format", "json", "--server", Server);
        Assert.Equal(ExitCodes.Ok, overridden.ExitCode);
        var rows = JsonDocument.Parse(overridden.Out).RootElement.GetProperty("rows");
        Assert.True(rows.GetArrayLength() > 0, overridden.Out);
        Assert.All(rows.EnumerateArray(), r => Assert.Contains(r.GetProperty("fate").GetString(), new[] { "overridden_by_modifier", "overridden_by_acceptance", "forced" }));

        var missed = await CliRun.RunAsync("report", "missed", "--format", "csv", "--server", Server);
        Assert.Equal(ExitCodes.Ok, missed.ExitCode);
        var lines = missed.Out.Split('\n');
        Assert.Equal("Payer,Code,Modifiers,Provider,Week,Denied,Dollars,Claim/line", lines[0].TrimEnd());
        Assert.True(lines.Length > 1, missed.Out);

        var table = await CliRun.RunAsync("report", "missed", "--week", "2026-W41", "--server", Server);
        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.StartsWith("Payer", table.Out, StringComparison.Ordinal);

        var weekly = await CliRun.RunAsync("report", "weekly", "--format", "json", "--repeat-threshold", "2", "--server", Server);
        Assert.Equal(ExitCodes.Ok, weekly.ExitCode);
        var weeklyRows = JsonDocument.Parse(weekly.Out).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(weeklyRows);
        Assert.Contains(weeklyRows, r => r.TryGetProperty("repeatOffender", out var flag) && flag.GetBoolean() && r.GetProperty("action").GetString()!.Length > 0);

        var kpis = await CliRun.RunAsync("report", "kpis", "--server", Server);
        Assert.Equal(ExitCodes.Ok, kpis.ExitCode);
        Assert.Contains("CO-97 by month", kpis.Out, StringComparison.Ordinal);
        Assert.Contains("Top pairs by dollars", kpis.Out, StringComparison.Ordinal);

        var patterns = await CliRun.RunAsync("report", "patterns", "--format", "csv", "--server", Server);
        Assert.Equal(ExitCodes.Ok, patterns.ExitCode);
        Assert.StartsWith("Payer,Column 1,Column 2,Pattern,Paid,Denied,Paid with modifier", patterns.Out, StringComparison.Ordinal);

        var proposals = await CliRun.RunAsync("rules", "propose", "--min-support", "1", "--format", "json", "--server", Server);
        Assert.Equal(ExitCodes.Ok, proposals.ExitCode);
        var drafted = JsonDocument.Parse(proposals.Out).RootElement.GetProperty("proposals").EnumerateArray().ToList();
        Assert.NotEmpty(drafted);
        Assert.All(drafted, p => Assert.Equal("pair", JsonDocument.Parse(p.GetProperty("ruleJson").GetString()!).RootElement.GetProperty("scope").GetString()));
    }

    [Fact]
    public async Task Report_BadWeek_ExitsTwoNamingTheField()
    {
        var run = await CliRun.RunAsync("report", "missed", "--week", "2026-33", "--server", Server);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("iso_week", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownName_ExitsTwo()
    {
        var run = await CliRun.RunAsync("report", "everything", "--server", Server);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Unknown report 'everything'", run.Error, StringComparison.Ordinal);
    }
}
