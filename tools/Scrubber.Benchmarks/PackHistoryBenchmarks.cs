using BenchmarkDotNet.Attributes;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Benchmarks;

/// <summary>A 6-line claim that reaches every shape of generated rule, with the 100-rule pack, in process: the pack
/// without history, and the same pack whose units rules also count the patient's sent lines of the year before
/// (<c>TimesBilled</c>), given no history and a year of it (312 sent lines), as the service hands it over after its
/// one read. What the read itself costs is <see cref="HistoryBenchmarks"/>'.</summary>
[MemoryDiagnoser]
public class PackHistoryBenchmarks
{
    private ClaimScrubber _scrubber = null!;
    private NcciSnapshot _ncci = null!;
    private PackSet _packs = null!;
    private Claim _claim = null!;
    private Claim _historyClaim = null!;
    private IReadOnlyList<PriorLine> _year = null!;

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkData.Ensure();
        _scrubber = new ClaimScrubber(new ScrubOptions());
        _ncci = new NcciSnapshot(BenchmarkData.LoadSnapshot(), null, DateTimeOffset.UtcNow);
        _packs = BenchmarkData.LoadPacks(_ncci);
        _claim = BenchmarkData.ClaimWithUnitsRules(BenchmarkData.PayerId);
        _historyClaim = BenchmarkData.ClaimWithUnitsRules(BenchmarkData.HistoryPayerId);
        _year = BenchmarkData.YearOfHistory(_historyClaim);
        if (_packs.ForPayer(BenchmarkData.HistoryPayerId) is not { ReadsHistory: true })
        {
            throw new InvalidOperationException("The history pack does not read history; it would measure the wrong path.");
        }

        var fired = _scrubber.Scrub(_historyClaim, _ncci, _packs, _year).Edits.Count(e => e.EditType == "PAYER_UNITS");
        if (fired == 0)
        {
            throw new InvalidOperationException("No history rule fires on the year of sent lines; it would measure an idle path.");
        }
    }

    [Benchmark(Baseline = true, Description = "100 rules, no history")]
    public ScrubResult NoHistory() => _scrubber.Scrub(_claim, _ncci, _packs);

    [Benchmark(Description = "100 rules reading history, none sent")]
    public ScrubResult HistoryPackNoneSent() => _scrubber.Scrub(_historyClaim, _ncci, _packs, []);

    [Benchmark(Description = "100 rules reading history, a year sent (312 lines)")]
    public ScrubResult HistoryPackYearSent() => _scrubber.Scrub(_historyClaim, _ncci, _packs, _year);
}
