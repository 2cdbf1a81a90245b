using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary><c>scrubctl audit purge</c> against a running service and its real store.</summary>
public sealed class AuditPurgeCommandTests : IAsyncLifetime
{
    private RunningServer? _server;

    private string Server => _server!.Address;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task AuditPurge_BeforeTheSeededWeeksAnswers_RemovesTheirOutcomesAndTheWeeklyReportReadsTheSame()
    {
        // Three weeks from 2026-09-14; each week's 835 pays sixteen days after its Monday, so all by 2026-10-14.
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("demo", "seed", "--weeks", "3", "--claims-per-week", "20", "--server", Server)).ExitCode);
        var weekly = await CliRun.RunAsync("report", "weekly", "--format", "json", "--server", Server);
        var missed = await CliRun.RunAsync("report", "missed", "--format", "csv", "--server", Server);

        var purge = await CliRun.RunAsync("audit", "purge", "--before", "2026-10-19", "--server", Server);

        Assert.Equal(ExitCodes.Ok, purge.ExitCode);
        Assert.Matches(@"^Purged before 2026-10-19: 0 scrubs, 60 remittance claims \(\d+ lines\); [1-9]\d* denied lines kept in [1-9]\d* weekly aggregate rows\.\n$", purge.Out);
        Assert.Contains("\"isoWeek\": \"2026-W4", weekly.Out, StringComparison.Ordinal);
        Assert.Equal(weekly.Out, (await CliRun.RunAsync("report", "weekly", "--format", "json", "--server", Server)).Out);
        var missedAfter = await CliRun.RunAsync("report", "missed", "--format", "csv", "--server", Server);
        Assert.True(missed.Out.Split('\n').Length > missedAfter.Out.Split('\n').Length, "the missed report no longer lists purged lines");
        Assert.Contains("remittance files (0 claims, 0 lines)", (await CliRun.RunAsync("status", "--server", Server)).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("yesterday")]
    [InlineData("9999-01-01")]
    public async Task AuditPurge_ADayThatIsNotADayOnOrBeforeToday_IsAUsageErrorNamingBefore(string day)
    {
        var purge = await CliRun.RunAsync("audit", "purge", "--before", day, "--server", Server);

        Assert.Equal(ExitCodes.Usage, purge.ExitCode);
        Assert.StartsWith($"before: '{day}' is not a day in the form YYYY-MM-DD on or before today", purge.Error, StringComparison.Ordinal);
        Assert.Empty(purge.Out);
    }

    [Fact]
    public async Task AuditPurge_WithoutBefore_IsAUsageError()
    {
        var purge = await CliRun.RunAsync("audit", "purge", "--server", Server);

        Assert.Equal(ExitCodes.Usage, purge.ExitCode);
        Assert.Contains("--before", purge.Error, StringComparison.Ordinal);
    }
}
