using BenchmarkDotNet.Running;
using Scrubber.Benchmarks;

// `scrubber-bench memory` measures resident bytes per row, `scrubber-bench phases` times each scrub phase,
// `scrubber-bench pack-history` times the 100-rule pack with and without history helpers by stopwatch,
// `scrubber-bench grow-store` fills an audit store with millions of scrubs, `scrubber-bench report-timings` times the
// store's answer to each feedback report; anything
// else goes to BenchmarkDotNet
// (e.g. `--filter *` or `--filter *PairLookup*`).
if (args is ["pack-history"])
{
    PackHistoryTiming.Report();
    return 0;
}

if (args is ["phases"])
{
    PhaseTiming.Report();
    return 0;
}

if (args is ["grow-store", ..])
{
    return StoreGrower.Run(args);
}

if (args is ["report-timings", ..])
{
    return ReportTimings.Run(args);
}

if (args is ["memory"])
{
    BenchmarkData.Ensure();
    ResidentMemory.Report();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
return 0;
