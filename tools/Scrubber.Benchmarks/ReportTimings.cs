using System.Diagnostics;
using System.Globalization;
using Scrubber.Audit;
using Scrubber.Audit.Reports;

namespace Scrubber.Benchmarks;

/// <summary><c>scrubber-bench report-timings</c>: how long the store takes to answer each feedback report (the store's
/// own work, without gRPC or scrubctl) for one ISO week, one payer in that week, and the whole store, three runs each.
/// tools/report-timings.sh measures the same reports end to end through a running service.</summary>
internal static class ReportTimings
{
    public static int Run(string[] args)
    {
        if (args is not [_, "--store", var path, "--week", var week, "--payer", var payer])
        {
            Console.Error.WriteLine("usage: scrubber-bench report-timings --store FILE --week 2026-W22 --payer ID");
            return 2;
        }

        RunAsync(path, week, payer).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunAsync(string path, string week, string payer)
    {
        await using var store = AuditStore.Open(path);
        (string Name, Func<ReportFilter, int> Rows)[] reports =
        [
            ("weekly", f => store.WeeklyDashboard(f, WeeklyDashboard.DefaultRepeatThreshold).Count),
            ("missed", f => store.Missed(f).Count),
            ("kpis", f => store.Kpis(f) is var k ? k.Months.Length + k.TopPairs.Length + k.Overturns.Length : 0),
            ("patterns", f => store.Patterns(f).Count),
            ("overridden-then-denied", f => store.OverriddenThenDenied(f).Count),
        ];
        foreach (var (scope, filter) in (ReadOnlySpan<(string, ReportFilter)>)
                 [($"week {week}", ReportFilter.ForWeek(week)), ($"payer {payer}, week {week}", ReportFilter.ForWeek(week, payer)), ("whole store", ReportFilter.All)])
        {
            foreach (var (name, rows) in reports)
            {
                var times = new List<string>();
                var count = 0;
                for (var run = 0; run < 3; run++)
                {
                    var clock = Stopwatch.StartNew();
                    count = rows(filter);
                    times.Add(clock.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scope}: report {name}: {string.Join(' ', times)} s ({count} rows)"));
            }
        }
    }
}
