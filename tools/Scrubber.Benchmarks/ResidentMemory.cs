using System.Diagnostics;
using Scrubber.Core.Ncci;

namespace Scrubber.Benchmarks;

/// <summary>What the loaded table keeps: the live managed heap after a full compacting collection, before and after
/// loading the full practitioner table, per row. (BenchmarkDotNet measures allocation, not what stays.)</summary>
internal static class ResidentMemory
{
    public static void Report()
    {
        foreach (var (name, load) in new (string, Func<NcciTableSet>)[] { ("CMS text", BenchmarkData.LoadText), ("snapshot", BenchmarkData.LoadSnapshot) })
        {
            var heapBefore = Settle();
            var stopwatch = Stopwatch.StartNew();
            var tables = load();
            var elapsed = stopwatch.Elapsed;
            var heapAfter = Settle();
            var release = tables.Releases[0];
            var rows = release.Info.Rows;
            Console.WriteLine(
                $"{name}: {BenchmarkData.Describe(rows)} rows, {BenchmarkData.Describe(release.Info.Pairs)} pairs, loaded in {elapsed.TotalSeconds:F2} s; " +
                $"index arrays {release.IndexBytes / (double)rows:F1} B/row, live managed heap +{(heapAfter - heapBefore) / (double)rows:F1} B/row");
            GC.KeepAlive(tables);
        }
    }

    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
