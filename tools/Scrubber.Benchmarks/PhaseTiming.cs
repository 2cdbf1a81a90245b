using System.Diagnostics;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Benchmarks;

/// <summary><c>scrubber-bench phases</c>: where the time of one scrub of <see cref="BenchmarkData.FullClaim"/> goes,
/// phase by phase, each timed over many runs after a warm-up. A diagnostic to find what to optimise; the figures of
/// record are BenchmarkDotNet's (<see cref="FullNcciScrubBenchmarks"/>).</summary>
internal static class PhaseTiming
{
    private const int Runs = 200_000;
    private const int WarmUp = 20_000;

    public static void Report()
    {
        BenchmarkData.Ensure();
        var ncci = BenchmarkData.LoadAllTables();
        var packs = BenchmarkData.LoadPacks(ncci);
        var claim = BenchmarkData.FullClaim(BenchmarkData.PayerId);
        var pack = packs.ForPayer(claim.PayerId)!;
        var options = new ScrubOptions();
        var context = new PairContext(claim.Setting, options.ProviderScope, pack.PolicyFor(options));
        var ptpEdits = new List<Edit>();
        NcciPtpScrubber.Scrub(claim, ncci.Practitioner!, context, ptpEdits, []);

        Time("NCCI PTP pairs", () => NcciPtpScrubber.Scrub(claim, ncci.Practitioner!, context, [], []));
        Time("MUE units", () => MueEdits.Scrub(claim, ncci.Mue.Practitioner, [], context, [], []));
        Time("add-on codes", () => AddOnEdits.Scrub(claim, [], ncci.AddOnCodes!, pack, context, [.. ptpEdits]));
        Time("duplicates and same-day visits", () => DuplicateServices.Scrub(claim, [], context, [.. ptpEdits]));
        Time("pack rules (100)", () => PackRuleEvaluator.Evaluate(pack, claim, null, options.ProviderScope, new PackRuleEvaluator.Outputs([.. ptpEdits], [], null), PackBudget.Unlimited, default));
        var scrubber = new ClaimScrubber(options);
        Time("whole scrub", () => scrubber.Scrub(claim, ncci, packs));
        Console.WriteLine("Edits: " + string.Join(", ", scrubber.Scrub(claim, ncci, packs).Edits.Select(e => $"{e.EditType} on {e.LineId}")));
    }

    private static void Time(string phase, Action action)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            action();
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Runs; i++)
        {
            action();
        }

        Console.WriteLine($"{phase,-32} {Stopwatch.GetElapsedTime(started).TotalMicroseconds / Runs,8:F2} µs");
    }
}
