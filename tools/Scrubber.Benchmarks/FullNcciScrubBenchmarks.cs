using BenchmarkDotNet.Attributes;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Benchmarks;

/// <summary>The 6-line claim that reaches PTP, MUE and add-on code edits, scrubbed in process against the full
/// generated practitioner PTP table (2.6 M rows), MUE table (15,171 codes) and add-on code file (743 add-ons), with no
/// pack and with the generated 100-rule pack. The target is at most 10 µs.</summary>
[MemoryDiagnoser]
public class FullNcciScrubBenchmarks
{
    private ClaimScrubber _scrubber = null!;
    private NcciSnapshot _ncci = null!;
    private PackSet _packs = null!;
    private Claim _claim = null!;

    [Params("none", "100 rules")]
    public string Pack { get; set; } = "none";

    /// <summary>The PTP table alone (the MUE and add-on phases find no table), or all three: their difference is what
    /// the MUE and add-on code edits cost.</summary>
    [Params("PTP", "PTP+MUE+AOC")]
    public string Tables { get; set; } = "PTP+MUE+AOC";

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkData.Ensure();
        _scrubber = new ClaimScrubber(new ScrubOptions());
        var all = BenchmarkData.LoadAllTables();
        _ncci = Tables == "PTP" ? new NcciSnapshot(all.Practitioner, null, all.LoadedAt) : all;
        _packs = BenchmarkData.LoadPacks(_ncci);
        _claim = BenchmarkData.FullClaim(Pack == "none" ? "NOPACK" : BenchmarkData.PayerId);
        var edits = _scrubber.Scrub(_claim, _ncci, _packs).Edits;
        if (!edits.Any(e => e.EditType == EditTypes.NcciPtp) || (Tables != "PTP" && !edits.Any(e => e.EditType == EditTypes.MueUnitsExceeded)))
        {
            throw new InvalidOperationException("The benchmark claim must raise a PTP and an MUE edit: " + string.Join(", ", edits.Select(e => e.EditType)));
        }
    }

    [Benchmark(Description = "Scrub 6 lines: PTP, MUE, add-on codes")]
    public ScrubResult Scrub() => _scrubber.Scrub(_claim, _ncci, _packs);
}
