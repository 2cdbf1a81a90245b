using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Scrubber.Core.Ncci;

namespace Scrubber.Benchmarks;

/// <summary>Time to ready: the full practitioner table from the four CMS text parts, and from its compiled snapshot.</summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 8)]
[MemoryDiagnoser]
public class TableLoadBenchmarks
{
    [GlobalSetup]
    public void Setup() => BenchmarkData.Ensure();

    [Benchmark(Baseline = true, Description = "Load 2,633,389 rows from CMS text (4 parts)")]
    public NcciTableSet FromText() => BenchmarkData.LoadText();

    [Benchmark(Description = "Load the compiled snapshot (.ncci)")]
    public NcciTableSet FromSnapshot() => BenchmarkData.LoadSnapshot();
}
