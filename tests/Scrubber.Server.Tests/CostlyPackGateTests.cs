using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Scrubber.Server.Packs;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>A costly pack's claims take turns at its gate through the real host, so they never hold the CPUs another
/// payer's claims need: with one place, one costly evaluation runs and the rest wait, a cheap payer's claim is answered
/// meanwhile, and a claim whose deadline passes while it waits stops and records nothing.</summary>
/// <remarks>The pack of 120 rules on 99213 costs more than the default threshold (a tenth of Packs:MaxEvaluationCost);
/// the shipped packs cost less. The budget clock never moves, so no evaluation is cut short, and its first read holds
/// the first costly evaluation in place: what is asserted is who ran and who waited, never a duration.</remarks>
public sealed class CostlyPackGateTests : IAsyncLifetime
{
    private const string CostlyPayer = "EXP01";
    private const int Costly = 8;
    private readonly TempDirectory _packs = new();
    private readonly SteppedClock _clock = new(TimeSpan.Zero);
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        PackFiles.CopyAllSamples(_packs.Path);
        SyntheticPacks.WriteLineRules(_packs.Path, "expensive", CostlyPayer, 120, "99213", "!line.HasAnyModifier(\"XE XS XP XU 59 25\")");
        _server = await RunningServer.StartWithServicesAsync(
            services => services.AddKeyedSingleton<TimeProvider>(PacksOptions.BudgetClockKey, _clock),
            $"--Packs:Root={_packs.Path}", "--Packs:MaxConcurrentCostlyEvaluations=1", "--Logging:LogLevel:Scrubber=Debug");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _clock.Dispose();
        _packs.Dispose();
    }

    [Fact]
    public async Task GetStatus_CostlyPackAboveTheDefaultThreshold_IsCostlyAndTheShippedPacksAreNot()
    {
        var packs = (await Server.Admin.GetStatusAsync(new GetStatusRequest())).Packs.ToDictionary(p => p.Id);

        Assert.True(packs["expensive"].Costly, $"cost {packs["expensive"].EvaluationCost}");
        Assert.True(packs["expensive"].EvaluationCost > 100_000);
        Assert.All(packs.Values.Where(p => p.Id != "expensive"), p => Assert.False(p.Costly, $"{p.Id} costs {p.EvaluationCost}"));
    }

    [Fact]
    public async Task ScrubClaim_ManyClaimsOfACostlyPack_EvaluateOneAtATimeWhileACheapPayersClaimIsAnswered()
    {
        using var release = new ManualResetEventSlim();
        var reads = 0;
        _clock.OnRead = () =>
        {
            if (Interlocked.Increment(ref reads) == 1)
            {
                release.Wait(TimeSpan.FromSeconds(60));
            }
        };
        var costly = Enumerable.Range(0, Costly).Select(_ => Scrub(CostlyPayer, "99213")).ToList();

        // One evaluation holds the place; the other seven wait for it and have not run a rule.
        Assert.True(await WaitForGate(load => load is (1, Costly - 1)), $"the gate holds {await GateLoad()}");
        Assert.Equal(1, Volatile.Read(ref reads));
        var cheap = await Scrub("ACME01", "99214", "93000");

        Assert.Contains(cheap.Edits, e => e.Rule == "ecg-with-office-visit-needs-25");
        Assert.DoesNotContain(costly, c => c.IsCompleted);
        Assert.Equal((1, Costly - 1), await GateLoad());
        release.Set();
        var answers = await Task.WhenAll(costly);
        Assert.All(answers, a => Assert.Equal(120, a.Edits.Count(e => e.EditType == "PAYER_RULE")));
        Assert.All(answers, a => Assert.DoesNotContain(a.Edits, e => e.EditType == "PACK_BUDGET_EXCEEDED"));
        Assert.Equal((0, 0), await GateLoad());
        Assert.Equal(Costly + 1, (await Server.Admin.GetStatusAsync(new GetStatusRequest())).Store.Scrubs);
    }

    [Fact]
    public async Task ScrubClaim_DeadlinePassingWhileWaitingForTheGate_StopsBeforeItsPackRulesAndRecordsNothing()
    {
        using var release = new ManualResetEventSlim();
        var reads = 0;
        _clock.OnRead = () =>
        {
            if (Interlocked.Increment(ref reads) == 1)
            {
                release.Wait(TimeSpan.FromSeconds(60));
            }
        };
        var held = Scrub(CostlyPayer, "99213");
        Assert.True(await WaitForGate(load => load is (1, 0)), "the first costly claim never reached its pack rules");

        var late = Server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-07-01", "99213").ForPayer(CostlyPayer).Request(), deadline: DateTime.UtcNow.AddSeconds(1)).ResponseAsync;

        var ex = await Assert.ThrowsAsync<RpcException>(() => late);
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.True(await Server.Logs.ContainsWithinAsync("stopped before its packs phase", TimeSpan.FromSeconds(20)), "the waiting scrub was not stopped");
        Assert.True(await WaitForGate(load => load is (1, 0)), "the expired claim still waits for a place");
        release.Set();
        await held;
        Assert.Equal(1, (await Server.Admin.GetStatusAsync(new GetStatusRequest())).Store.Scrubs);
        Assert.Equal(1 + 120, Volatile.Read(ref reads));
    }

    private Task<ScrubClaimResponse> Scrub(string payer, params string[] codes) =>
        Server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-07-01", codes).ForPayer(payer).Request()).ResponseAsync;

    private async Task<(int InProgress, int Waiting)> GateLoad()
    {
        var pack = (await Server.Admin.GetStatusAsync(new GetStatusRequest())).Packs.Single(p => p.Id == "expensive");
        return (pack.EvaluationsInProgress, pack.EvaluationsWaiting);
    }

    private async Task<bool> WaitForGate(Func<(int InProgress, int Waiting), bool> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (expected(await GateLoad()))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
