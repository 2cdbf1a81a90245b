using BenchmarkDotNet.Running;
using Scrubber.Benchmarks;

// `scrubber-bench memory` measures resident bytes per row; anything else goes to BenchmarkDotNet
// (e.g. `--filter *` or `--filter *PairLookup*`).
if (args is ["memory"])
{
    BenchmarkData.Ensure();
    ResidentMemory.Report();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
return 0;
