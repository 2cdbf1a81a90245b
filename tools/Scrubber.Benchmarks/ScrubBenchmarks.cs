using BenchmarkDotNet.Attributes;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Benchmarks;

/// <summary>An in-process scrub of one claim against the full practitioner table, with no payer pack and with the
/// generated 100-rule pack, beside the baseline of making the same claim's pair lookups in SQLite.</summary>
[MemoryDiagnoser]
public class ScrubBenchmarks
{
    private ClaimScrubber _scrubber = null!;
    private NcciSnapshot _ncci = null!;
    private PackSet _packs = null!;
    private SqlitePtpTable _sqlite = null!;
    private Claim _claim = null!;

    [Params(1, 6, 20, 50)]
    public int Lines { get; set; }

    [Params("none", "100 rules")]
    public string Pack { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkData.Ensure();
        _scrubber = new ClaimScrubber(new ScrubOptions());
        _ncci = new NcciSnapshot(BenchmarkData.LoadSnapshot(), null, DateTimeOffset.UtcNow);
        _packs = BenchmarkData.LoadPacks(_ncci);
        _sqlite = new SqlitePtpTable(BenchmarkData.SqlitePath);
        _claim = BenchmarkData.ClaimOf(Lines, Pack == "none" ? "NOPACK" : BenchmarkData.PayerId);
        var result = _scrubber.Scrub(_claim, _ncci, _packs);
        if (Lines > 1 && result.Edits.Length == 0)
        {
            throw new InvalidOperationException("The benchmark claim raises no edit; it would measure an idle path.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _sqlite.Dispose();

    [Benchmark(Baseline = true, Description = "Same pair lookups in SQLite")]
    public int SqliteLookups() => _sqlite.LookUpPairs(_claim);

    [Benchmark(Description = "Scrub in process")]
    public ScrubResult Scrub() => _scrubber.Scrub(_claim, _ncci, _packs);
}
