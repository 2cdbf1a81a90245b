using System.Globalization;
using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Claims;
using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;
using Scrubber.Core.Ncci.Snapshots;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Generators;

namespace Scrubber.Benchmarks;

/// <summary>The data every benchmark runs on, made once and kept in a folder between runs: the full-size generated
/// practitioner table (2,633,389 rows, seed 322), its compiled snapshot, the same rows in an indexed SQLite table,
/// a 100-rule pack, and claims whose codes pair under active edits.</summary>
internal static class BenchmarkData
{
    public const string PayerId = "BENCH01";

    /// <summary>The payer of the generated pack whose units rules also count the year's sent lines (<c>TimesBilled</c>).</summary>
    public const string HistoryPayerId = "BENCH02";
    public const int PackRules = 100;

    /// <summary>The folder: <c>SCRUBBER_BENCH_DATA</c>, or <c>scrubber-bench</c> under the temp folder.</summary>
    public static string Folder { get; } = Environment.GetEnvironmentVariable("SCRUBBER_BENCH_DATA")
        ?? Path.Combine(Path.GetTempPath(), "scrubber-bench");

    public static string TextFolder => Path.Combine(Folder, "ncci");

    public static string SnapshotPath => Path.Combine(Folder, "ccipra-v322r0.ncci");

    public static string SqlitePath => Path.Combine(Folder, "ptp-baseline.db");

    public static string PacksFolder => Path.Combine(Folder, "packs");

    public static string MueFolder => Path.Combine(Folder, "mue");

    public static string AddOnFolder => Path.Combine(Folder, "aoc");

    /// <summary>Type 1 and 3 (add-on, primary) pairs in force, written beside the generated add-on file.</summary>
    public static string AddOnPairsPath => Path.Combine(Folder, "aoc-active-pairs.tsv");

    public static DateOnly ServiceDate { get; } = new(2026, 7, 20);

    /// <summary>Writes whatever is missing; the first run takes about a minute, later runs reuse the files.</summary>
    public static void Ensure()
    {
        if (!File.Exists(Path.Combine(TextFolder, PtpTableGenerator.ActivePairsFile)))
        {
            Console.WriteLine($"Generating the full-size practitioner table into {TextFolder} ...");
            PtpTableGenerator.Write(TextFolder, new PtpGeneratorSettings());
        }

        if (!File.Exists(SnapshotPath))
        {
            NcciSnapshotFile.Write(SnapshotPath, LoadText());
        }

        if (!File.Exists(SqlitePath))
        {
            Console.WriteLine($"Building the SQLite baseline {SqlitePath} ...");
            SqlitePtpTable.Build(SqlitePath, Directory.GetFiles(TextFolder, "*.TXT"));
        }

        if (!Directory.Exists(MueFolder))
        {
            MueTableGenerator.Write(MueFolder, new MueGeneratorSettings(MueGeneratorSettings.FullCodes, 326, MueTableKind.Practitioner, new DateOnly(2026, 7, 1)));
        }

        if (!File.Exists(AddOnPairsPath))
        {
            var written = AddOnCodeFileGenerator.Write(AddOnFolder, new AddOnGeneratorSettings());
            File.WriteAllLines(AddOnPairsPath, written.ActivePairs.Select(p => $"{p.AddOn}\t{p.Primary}"));
        }

        var pack = Path.Combine(PacksFolder, "bench-pack");
        if (!File.Exists(Path.Combine(pack, "pack.json")))
        {
            PackGenerator.Write(pack, PayerId, DistinctPairs(), PackRules);
        }

        var historyPack = Path.Combine(PacksFolder, "bench-history-pack");
        if (!File.Exists(Path.Combine(historyPack, "pack.json")))
        {
            PackGenerator.Write(historyPack, HistoryPayerId, DistinctPairs(), PackRules, readsHistory: true);
        }
    }

    /// <summary>A year of sent lines for the patient of <paramref name="claim"/>: two visits a week for the 366 days
    /// before its date of service, three lines each, half of them with the claim's own codes, as a busy patient has.</summary>
    public static IReadOnlyList<PriorLine> YearOfHistory(Claim claim)
    {
        var lines = new List<PriorLine>();
        for (var visit = 0; visit < 104; visit++)
        {
            var day = ServiceDate.AddDays(-1 - (visit * 366 / 104));
            for (var l = 0; l < 3; l++)
            {
                var template = claim.Lines[(visit + l) % claim.Lines.Length];
                var code = (visit + l) % 2 == 0 ? template.Code : HcpcsCode.Parse("99213");
                lines.Add(new PriorLine($"SENT-{visit}", "1234567893", template with { LineId = $"L{l + 1}", Code = code, ServiceDate = day, Modifiers = [] }));
            }
        }

        return lines;
    }

    public static NcciTableSet LoadText() =>
        NcciLoader.Load(NcciTableKind.Practitioner, "bench", [TextFolder], SilentReport.Instance);

    public static NcciTableSet LoadSnapshot() =>
        NcciLoader.Load(NcciTableKind.Practitioner, "bench", [SnapshotPath], SilentReport.Instance);

    /// <summary>The full-size generated practitioner MUE table (15,171 codes).</summary>
    public static MueTableSet LoadMue() => MueLoader.Load(MueTableKind.Practitioner, "bench", [MueFolder], SilentReport.Instance);

    /// <summary>The full-size generated add-on code file (743 add-on codes).</summary>
    public static AddOnCodeTableSet LoadAddOns() => AddOnCodeLoader.Load("bench", [AddOnFolder], SilentReport.Instance);

    /// <summary>The PTP snapshot with the MUE and add-on code tables, as the service holds them.</summary>
    public static NcciSnapshot LoadAllTables() =>
        new(LoadSnapshot(), null, DateTimeOffset.UtcNow) { Mue = new MueTables(LoadMue(), null, null), AddOnCodes = LoadAddOns() };

    public static IReadOnlyList<(string AddOn, string Primary)> AddOnPairs() =>
        [.. File.ReadLines(AddOnPairsPath).Select(l => l.Split('\t')).Select(c => (c[0], c[1]))];

    /// <summary>A 6-line claim that reaches every edit family: two PTP pairs, an add-on with its primary, and units
    /// above the MUE of a code the MUE table lists.</summary>
    public static Claim FullClaim(string payerId)
    {
        var pairs = DistinctPairs();
        var (addOn, primary) = AddOnPairs()[0];
        string[] codes = [pairs[0].Item1, pairs[0].Item2, pairs[7].Item1, pairs[7].Item2, primary, addOn];
        var input = new ClaimFaker(1).WithCodes(codes, ServiceDate) with { PayerId = payerId };
        var claim = ClaimValidator.TryCreate(input, ClaimLimits.Default, out var violations)
            ?? throw new InvalidOperationException("The benchmark claim is invalid: " + string.Join("; ", violations));
        var mue = LoadMue().For(ServiceDate);
        var listed = claim.Lines.FirstOrDefault(l => mue.TryGet(l.Code, out var e) && e.Value > 0);
        return listed is null ? claim : claim with { Lines = claim.Lines.Replace(listed, listed with { Units = 999 }) };
    }

    /// <summary>The generated pack, compiled and tested against its examples as the service does.</summary>
    public static PackSet LoadPacks(NcciSnapshot ncci)
    {
        var scrubber = new ClaimScrubber(new ScrubOptions());
        var result = PackCatalog.Load(PacksFolder, PackSet.Empty,
            pack => PackExampleRunner.Verify(pack, scrubber, ncci), DateTimeOffset.UtcNow);
        return result.Set.Rejections.IsEmpty
            ? result.Set
            : throw new InvalidOperationException("The generated pack is rejected: " + string.Join("; ", result.Set.Rejections.SelectMany(r => r.Errors)));
    }

    /// <summary>A claim of <paramref name="lines"/> lines: codes of active pairs the pack has rules on, then other
    /// table codes, so lookups hit and miss as on real claims.</summary>
    public static Claim ClaimOf(int lines, string payerId, int seed = 1)
    {
        var pairs = DistinctPairs();
        var codes = new List<string>();
        for (var i = 0; codes.Count < lines; i++)
        {
            var (column1, column2) = pairs[(i * 7) % pairs.Count];
            codes.Add(column1);
            if (codes.Count < lines)
            {
                codes.Add(column2);
            }
        }

        var input = new ClaimFaker(seed).WithCodes(codes, ServiceDate) with { PayerId = payerId };
        return ClaimValidator.TryCreate(input, ClaimLimits.Default, out var violations)
            ?? throw new InvalidOperationException("The benchmark claim is invalid: " + string.Join("; ", violations));
    }

    /// <summary>A 6-line claim whose codes trigger each shape of generated rule: two pair rules (pairs 0 and 7), and
    /// the units rules of pairs 1 and 5, which in the history pack also count the year's sent lines.</summary>
    public static Claim ClaimWithUnitsRules(string payerId)
    {
        var pairs = DistinctPairs();
        string[] codes = [pairs[0].Item1, pairs[0].Item2, pairs[1].Item1, pairs[5].Item1, pairs[7].Item1, pairs[7].Item2];
        var input = new ClaimFaker(1).WithCodes(codes, ServiceDate) with { PayerId = payerId };
        return ClaimValidator.TryCreate(input, ClaimLimits.Default, out var violations)
            ?? throw new InvalidOperationException("The benchmark claim is invalid: " + string.Join("; ", violations));
    }

    /// <summary>Active pairs with no code in common with an earlier one, so each pack rule has codes of its own.</summary>
    public static IReadOnlyList<(string, string)> DistinctPairs() =>
        PackGenerator.PairsWithOwnCodes(PtpTableGenerator.ReadActivePairs(TextFolder));

    public static string Describe(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal sealed class SilentReport : INcciLoadReport
    {
        public static readonly SilentReport Instance = new();

        public void MalformedRow(MalformedRow row) => throw new InvalidDataException($"The generated table has a malformed row: {row}");

        public void FileRead(string file, long rows, long malformed, TimeSpan elapsed)
        {
        }
    }
}
