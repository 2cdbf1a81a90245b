using Microsoft.Extensions.Time.Testing;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>The per-claim evaluation budget and the call's cancellation bind inside the scrub: between phases and
/// between rules. A stepped fake clock makes "over budget" a fact of the test, not of the machine.</summary>
public sealed class PackBudgetTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(25);
    private readonly TempDirectory _root = new();
    private readonly CompiledPack _pack;

    public PackBudgetTests()
    {
        var folder = SyntheticPacks.WriteLineRules(_root.Path, "five-rules", "FIVE01", 5, "99213", "true");
        _pack = PackLoader.Load(folder).Pack ?? throw new InvalidOperationException("the test pack does not load");
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Scrub_PackOverItsBudget_WarnsNamingThePackAndTheRuleReached_AndSkipsTheRest()
    {
        // Each read of the clock is 10 ms later: the evaluation starts at 10, rule-001 runs at 20, rule-002 at 30, and
        // at 40 ms rule-003 is past the 25 ms budget.
        var scrubber = new ClaimScrubber(new ScrubOptions(), new PackBudget(Budget, new SteppingClock(TimeSpan.FromMilliseconds(10))));

        var result = scrubber.Scrub(OneLine(), SampleTables.Snapshot, _pack);

        Assert.Equal(["rule-001", "rule-002"], result.Edits.Where(e => e.Rule is not null).Select(e => e.Rule));
        var budget = Assert.Single(result.Edits, e => e.EditType == EditTypes.PackBudgetExceeded);
        Assert.Equal((Severity.Warning, "L1", $"{_pack.Source}/rule-003"), (budget.Severity, budget.LineId, budget.Source));
        Assert.Equal(RecommendedAction.Review, budget.Action);
        Assert.Contains("Synthetic pack five-rules ran past its evaluation budget of 25 ms on this claim at rule 'rule-003' on line L1",
            budget.Message, StringComparison.Ordinal);
        Assert.Equal(Disposition.Warnings, result.Disposition);
    }

    [Fact]
    public void Scrub_PackWithinItsBudget_RunsEveryRuleAndNeedsNoWarning()
    {
        var scrubber = new ClaimScrubber(new ScrubOptions(), new PackBudget(Budget, new FakeTimeProvider()));

        var result = scrubber.Scrub(OneLine(), SampleTables.Snapshot, _pack);

        Assert.Equal(["rule-001", "rule-002", "rule-003", "rule-004", "rule-005"], result.Edits.Select(e => e.Rule));
        Assert.Equal(Disposition.Clean, result.Disposition);
    }

    [Fact]
    public void Scrub_ClaimAfterOneOverBudget_GetsABudgetOfItsOwn()
    {
        var clock = new SteppingClock(TimeSpan.FromMilliseconds(10));
        var scrubber = new ClaimScrubber(new ScrubOptions(), new PackBudget(Budget, clock));
        scrubber.Scrub(OneLine(), SampleTables.Snapshot, _pack);
        clock.Step = TimeSpan.Zero;

        var next = scrubber.Scrub(OneLine(), SampleTables.Snapshot, _pack);

        Assert.Equal(5, next.Edits.Count(e => e.Rule is not null));
        Assert.DoesNotContain(next.Edits, e => e.EditType == EditTypes.PackBudgetExceeded);
    }

    [Fact]
    public void Examples_RunWithoutTheTimeBudget_SoABusyMachineCannotRefuseAPack()
    {
        // A clock a full second on at every read: every claim is over budget, yet the examples pass.
        var scrubber = new ClaimScrubber(new ScrubOptions(), new PackBudget(Budget, new SteppingClock(TimeSpan.FromSeconds(1))));

        var outcomes = PackExampleRunner.Run(_pack, scrubber, SampleTables.Snapshot);

        Assert.All(outcomes, o => Assert.True(o.Passed, o.Explanation));
    }

    [Fact]
    public void Scrub_CallCancelledBeforeItStarts_StopsBeforeItsNcciPhase()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var trace = new List<RuleTrace>();

        var ex = Assert.Throws<ScrubCancelledException>(() =>
            new ClaimScrubber(new ScrubOptions()).Scrub(OneLine(), SampleTables.Snapshot, _pack, trace: trace, cancellationToken: cancelled.Token));

        Assert.Equal(ScrubPhases.Ncci, ex.Phase);
        Assert.Empty(trace);
    }

    [Fact]
    public void Scrub_CallCancelledWhileRulesRun_StopsBeforeTheNextRule()
    {
        // The clock cancels the call when the evaluator reads it before rule-002 (its third read): rule-002 has
        // passed its cancellation check, so it runs; rule-003 does not.
        using var call = new CancellationTokenSource();
        var clock = new SteppingClock(TimeSpan.Zero) { OnRead = n => { if (n == 3) { call.Cancel(); } } };
        var trace = new List<RuleTrace>();

        var ex = Assert.Throws<ScrubCancelledException>(() =>
            new ClaimScrubber(new ScrubOptions(), new PackBudget(Budget, clock)).Scrub(OneLine(), SampleTables.Snapshot, _pack, trace: trace, cancellationToken: call.Token));

        Assert.Equal(ScrubPhases.Packs, ex.Phase);
        Assert.Equal(["rule-001", "rule-002"], trace.Select(t => t.Rule));
    }

    private static Scrubber.Core.Claims.Claim OneLine() => new ClaimBuilder().For("CLM-1", payerId: "FIVE01").On("2026-07-01").Line("99213").Build();

    /// <summary>A fake clock that moves on by <see cref="Step"/> each time it is read, and tells <see cref="OnRead"/>
    /// the count of reads so far.</summary>
    private sealed class SteppingClock(TimeSpan step) : FakeTimeProvider
    {
        private int _reads;

        public TimeSpan Step { get; set; } = step;

        public Action<int>? OnRead { get; init; }

        public override long GetTimestamp()
        {
            Advance(Step);
            OnRead?.Invoke(++_reads);
            return base.GetTimestamp();
        }
    }
}
