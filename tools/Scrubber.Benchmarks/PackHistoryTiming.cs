using System.Diagnostics;
using System.Globalization;
using Scrubber.Core.Ncci;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Benchmarks;

/// <summary><c>scrubber-bench pack-history</c>: the scrubs of <see cref="PackHistoryBenchmarks"/> (and the 6-line claim
/// of <see cref="ScrubBenchmarks"/>), each timed as the best of 15 batches of 2,000 after 20,000 warm-up runs. On a
/// shared machine the best batch is what the code costs when nothing else runs, so two builds can be compared one
/// after the other; the figures of record stay BenchmarkDotNet's.</summary>
internal static class PackHistoryTiming
{
    private const int WarmUp = 20_000;
    private const int Batches = 15;
    private const int Runs = 2_000;

    public static void Report()
    {
        BenchmarkData.Ensure();
        var scrubber = new ClaimScrubber(new ScrubOptions());
        var ncci = new NcciSnapshot(BenchmarkData.LoadSnapshot(), null, DateTimeOffset.UtcNow);
        var packs = BenchmarkData.LoadPacks(ncci);
        var six = BenchmarkData.ClaimOf(6, BenchmarkData.PayerId);
        var claim = BenchmarkData.ClaimWithUnitsRules(BenchmarkData.PayerId);
        var historyClaim = BenchmarkData.ClaimWithUnitsRules(BenchmarkData.HistoryPayerId);
        var year = BenchmarkData.YearOfHistory(historyClaim);
        var window = HistoryWindow.For(historyClaim);
        var ninetyDays = year.Where(l => window.Contains(l.Line.ServiceDate)).ToList();

        var sixPackless = six with { PayerId = "NOPACK" };
        (string What, Func<ScrubResult> Scrub)[] scrubs =
        [
            ("ScrubBenchmarks 6 lines, no pack", () => scrubber.Scrub(sixPackless, ncci, packs)),
            ("ScrubBenchmarks 6 lines, 100 rules", () => scrubber.Scrub(six, ncci, packs)),
            ("100 rules, no history", () => scrubber.Scrub(claim, ncci, packs)),
            ($"100 rules, 90 days sent ({ninetyDays.Count} lines)", () => scrubber.Scrub(claim, ncci, packs, ninetyDays)),
            ("100 rules reading history, none sent", () => scrubber.Scrub(historyClaim, ncci, packs, [])),
            ($"100 rules reading history, a year sent ({year.Count} lines)", () => scrubber.Scrub(historyClaim, ncci, packs, year)),
        ];

        // Every scrub warms up before any is timed: the first one timed would otherwise pay for the JIT's later tiers.
        foreach (var (_, scrub) in scrubs)
        {
            for (var i = 0; i < WarmUp; i++)
            {
                scrub();
            }
        }

        foreach (var (what, scrub) in scrubs)
        {
            Time(what, scrub);
        }
    }

    private static void Time(string what, Func<ScrubResult> scrub)
    {
        var best = double.MaxValue;
        for (var batch = 0; batch < Batches; batch++)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < Runs; i++)
            {
                scrub();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMicroseconds / Runs);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-56} {best,8:0.00} µs"));
    }
}
