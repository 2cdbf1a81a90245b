using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Scrubber.Server.Packs;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Budgets and deadlines through the real host: a costly pack's claims are cut at the budget with a warning
/// and recorded, another payer's claims alongside are not, and a call that is cancelled or runs out of time while its
/// pack's rules run stops before the next rule and records nothing. The pack budget's clock is stepped, so what is
/// asserted is behaviour, never a duration.</summary>
public sealed class BudgetTests : IAsyncLifetime
{
    private const string ExpensivePayer = "EXP01";
    private readonly TempDirectory _packs = new();
    private readonly SteppedClock _clock = new(TimeSpan.FromMilliseconds(5));
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        PackFiles.CopyAllSamples(_packs.Path);
        SyntheticPacks.WriteLineRules(_packs.Path, "expensive", ExpensivePayer, 40, "99213", "!line.HasAnyModifier(\"XE XS XP XU 59 25\")");
        _server = await RunningServer.StartWithServicesAsync(
            services => services.AddKeyedSingleton<TimeProvider>(PacksOptions.BudgetClockKey, _clock),
            $"--Packs:Root={_packs.Path}", "--Logging:LogLevel:Scrubber=Debug");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _clock.Dispose();
        _packs.Dispose();
    }

    [Fact]
    public async Task ScrubClaim_CostlyPacksClaimsBesideAnotherPayers_OnlyTheCostlyOnesAreCutAtTheBudgetAndAllAreRecorded()
    {
        // Every read of the budget clock is 5 ms on: an evaluation starts at 5 ms, and the 50 ms budget is spent when
        // rule-010 is reached. The other payer's claim runs one rule, 5 ms in.
        var costly = Enumerable.Range(0, 8).Select(_ => Scrub(ExpensivePayer, "99213")).ToList();
        var other = Enumerable.Range(0, 8).Select(_ => Scrub("ACME01", "99214", "93000")).ToList();

        var costlyAnswers = await Task.WhenAll(costly);
        var otherAnswers = await Task.WhenAll(other);

        Assert.All(costlyAnswers, response =>
        {
            Assert.Equal([.. Enumerable.Range(1, 9).Select(i => $"rule-{i:D3}")], response.Edits.Where(e => e.EditType == "PAYER_RULE").Select(e => e.Rule));
            var budget = Assert.Single(response.Edits, e => e.EditType == "PACK_BUDGET_EXCEEDED");
            Assert.Equal((Severity.Warning, "L1", RecommendedAction.Review), (budget.Severity, budget.LineId, budget.RecommendedAction));
            Assert.Matches(@"^expensive@[0-9a-f]{12}/rule-010$", budget.Source);
            Assert.Equal(Disposition.Warnings, response.Disposition);
        });
        Assert.All(otherAnswers, response =>
        {
            Assert.Contains(response.Edits, e => e.Rule == "ecg-with-office-visit-needs-25");
            Assert.DoesNotContain(response.Edits, e => e.EditType == "PACK_BUDGET_EXCEEDED");
        });
        var status = await Server.Admin.GetStatusAsync(new GetStatusRequest());
        Assert.Equal(16, status.Store.Scrubs);
        Assert.Contains(Server.Logs.Lines, l => l.Contains("[3006] Pack rule expensive@", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.Cancelled)]
    public async Task ScrubClaim_CallEndingWhileItsPackRulesRun_StopsBeforeTheNextRuleAndRecordsNothing(StatusCode ending)
    {
        // The clock holds the evaluation at its first read until the call has ended on both sides.
        using var reached = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        var held = 0;
        _clock.OnRead = () =>
        {
            if (Interlocked.Exchange(ref held, 1) == 0)
            {
                reached.Release();
                release.Wait(TimeSpan.FromSeconds(30));
            }
        };
        using var cancel = new CancellationTokenSource();
        var deadline = ending == StatusCode.DeadlineExceeded ? DateTime.UtcNow.AddSeconds(2) : (DateTime?)null;
        var call = Server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-07-01", "99213").ForPayer(ExpensivePayer).Request(),
            deadline: deadline, cancellationToken: cancel.Token).ResponseAsync;

        Assert.True(await reached.WaitAsync(TimeSpan.FromSeconds(30)), "the scrub never reached its pack rules");
        if (ending == StatusCode.Cancelled)
        {
            await cancel.CancelAsync();
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() => call);

        // The server learns of the end on its own (its deadline timer, or the client's reset of the stream); give it
        // time to, then let the evaluation go on.
        await Task.Delay(TimeSpan.FromSeconds(1));
        release.Set();
        Assert.Equal(ending, ex.StatusCode);
        await WaitForLogAsync("stopped before its packs phase");
        Assert.Equal(0, (await Server.Admin.GetStatusAsync(new GetStatusRequest())).Store.Scrubs);
    }

    private Task<ScrubClaimResponse> Scrub(string payer, params string[] codes) =>
        Server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-07-01", codes).ForPayer(payer).Request()).ResponseAsync;

    private async Task WaitForLogAsync(string text) =>
        Assert.True(await Server.Logs.ContainsWithinAsync(text, TimeSpan.FromSeconds(20)), $"no log line with '{text}'. Log:\n" + string.Join('\n', Server.Logs.Lines.TakeLast(30)));
}
