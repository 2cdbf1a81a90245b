using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Scrubber.Audit;
using Scrubber.Audit.Scrubs;
using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Benchmarks;

/// <summary>The history read a scrub makes (the sent lines of the patient on the claim's dates), for a patient whose
/// one claim was scrubbed once and for a patient whose one claim was scrubbed 10,000 times (a PM system re-scrubbing a
/// claim on every keystroke). Only sent lines are read, so the two must cost about the same. Then the window a claim
/// reads, for a patient with a year of visits (104 sent claims of 3 lines): the 90 days every scrub reads, and the
/// 366 days a pack with history helpers (<c>TimesBilled</c>, …) makes it read, in the same one query.</summary>
[MemoryDiagnoser]
public class HistoryBenchmarks
{
    private const int ManyScrubs = 10_000;
    private static readonly PatientKey Keys = new("benchmark-patient-key-secret-0123456789");
    private static readonly DateOnly Day = BenchmarkData.ServiceDate;
    private static readonly string[] Excluded = ["CLM-NEW"];
    private static readonly HistoryWindow Dates = HistoryWindow.Day(Day);
    private static readonly string[] Codes = ["99213", "93000", "85025", "36415", "81002", "90471"];
    private string _folder = null!;
    private AuditStore _store = null!;
    private string _once = null!;
    private string _often = null!;
    private string _busy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("scrubber-history-bench-").FullName;
        _store = AuditStore.Open(Path.Combine(_folder, "audit.db"));
        _once = Keys.Of("PATIENT-ONCE");
        _often = Keys.Of("PATIENT-OFTEN");
        RecordAsync("PATIENT-ONCE", 1).GetAwaiter().GetResult();
        RecordAsync("PATIENT-OFTEN", ManyScrubs).GetAwaiter().GetResult();
        _busy = Keys.Of("PATIENT-BUSY");
        RecordYearAsync("PATIENT-BUSY").GetAwaiter().GetResult();
        if (_store.History(_once, Excluded, Dates).Count != 6 || _store.History(_often, Excluded, Dates).Count != 6)
        {
            throw new InvalidOperationException("Each patient should have the six sent lines of its one claim.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "History of a patient with 1 scrub")]
    public int OneScrub() => _store.History(_once, Excluded, Dates).Count;

    [Benchmark(Description = "History of a patient with 10,000 scrubs of one claim")]
    public int TenThousandScrubs() => _store.History(_often, Excluded, Dates).Count;

    [Benchmark(Description = "A year of visits: the 90-day window every scrub reads")]
    public int NinetyDays() => _store.History(_busy, Excluded, YearClaimWindow(0)).Count;

    [Benchmark(Description = "A year of visits: the 366-day window of a pack with history helpers")]
    public int AYear() => _store.History(_busy, Excluded, YearClaimWindow(Scrubber.Core.Packs.PackHistory.LookBackDays)).Count;

    private static HistoryWindow YearClaimWindow(int lookBackDays) =>
        HistoryWindow.For(new Claim("CLM-NEW", "MEDICARE", "PATIENT-BUSY", "1234567893", CareSetting.Professional,
            [new ClaimLine("L1", HcpcsCode.Parse("99213"), [], Day, string.Empty, 80m, 1, [])]), lookBackDays);

    /// <summary>Records and confirms two visits a week for the year before <see cref="Day"/>, three lines each.</summary>
    private async Task RecordYearAsync(string patientId)
    {
        var at = new DateTimeOffset(2026, 7, 20, 9, 0, 0, TimeSpan.Zero);
        for (var visit = 0; visit < 104; visit++)
        {
            var day = Day.AddDays(-1 - (visit * 366 / 104));
            var lines = ImmutableArray.CreateRange(Codes.Take(3).Select((code, i) => new ClaimLine($"L{i + 1}", HcpcsCode.Parse(code), [], day, string.Empty, 80m, 1, [])));
            var record = new ScrubRecord(Guid.CreateVersion7().ToString(), at, new Claim($"CLM-BUSY-{visit}", "MEDICARE", patientId, "1234567893",
                CareSetting.Professional, lines), Keys.Of(patientId), new ScrubResult(Disposition.Clean, [], []));
            await _store.RecordAsync(record);
            await _store.ConfirmSubmissionAsync(record.ScrubId, at);
        }
    }

    /// <summary>Records <paramref name="scrubs"/> scrubs of one 6-line claim and confirms the last as sent.</summary>
    private async Task RecordAsync(string patientId, int scrubs)
    {
        var lines = ImmutableArray.CreateRange(Codes.Select((code, i) => new ClaimLine($"L{i + 1}", HcpcsCode.Parse(code), [], Day, string.Empty, 80m, 1, [])));
        var claim = new Claim("CLM-" + patientId, "MEDICARE", patientId, "1234567893", CareSetting.Professional, lines);
        var at = new DateTimeOffset(2026, 7, 20, 9, 0, 0, TimeSpan.Zero);
        string last = string.Empty;
        for (var start = 0; start < scrubs; start += 500)
        {
            var batch = Enumerable.Range(start, Math.Min(500, scrubs - start))
                .Select(i => new ScrubRecord(Guid.CreateVersion7().ToString(), at.AddSeconds(i), claim, Keys.Of(patientId), new ScrubResult(Disposition.Clean, [], [])))
                .ToList();
            await Task.WhenAll(batch.Select(r => _store.RecordAsync(r)));
            last = batch[^1].ScrubId;
        }

        await _store.ConfirmSubmissionAsync(last, at.AddHours(1));
    }
}
