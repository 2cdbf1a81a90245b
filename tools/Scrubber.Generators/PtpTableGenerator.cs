using System.Globalization;
using System.Text;
using Scrubber.Core.Ncci;

namespace Scrubber.Generators;

/// <summary>What <see cref="PtpTableGenerator"/> should write.</summary>
/// <param name="Rows">Rows in all parts together; CMS's practitioner table of 2026 Q3 has 2,633,389.</param>
/// <param name="Parts">Files to split the rows into, at column 1 boundaries as CMS does.</param>
/// <param name="Seed">The same seed writes the same bytes.</param>
/// <param name="Kind">Practitioner (ccipra) or outpatient hospital (ccioph) file names.</param>
/// <param name="Version">Release in the file names, e.g. <c>v322r0</c> (2026 Q3).</param>
/// <param name="ActiveShare">Share of pairs whose latest row is still in force; about 0.19 gives CMS's ~440 thousand
/// active rows at full size.</param>
public sealed record PtpGeneratorSettings(
    int Rows = PtpGeneratorSettings.FullPractitionerRows,
    int Parts = 4,
    int Seed = 322,
    NcciTableKind Kind = NcciTableKind.Practitioner,
    string Version = "v322r0",
    double ActiveShare = 0.19)
{
    public const int FullPractitionerRows = 2_633_389;
}

/// <summary>What was written.</summary>
/// <param name="Files">The part files, in order.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Pairs">Distinct (column 1, column 2) pairs.</param>
/// <param name="ActiveRows">Rows with no deletion date.</param>
/// <param name="IndicatorZero">Rows with modifier indicator 0.</param>
/// <param name="IndicatorOne">Rows with modifier indicator 1.</param>
/// <param name="IndicatorNine">Rows with modifier indicator 9.</param>
/// <param name="ActivePairs">Up to a thousand (column 1, column 2) pairs with an indicator 0/1 row in force on the
/// release's first day, spread over the table: claims built from them hit real edits.</param>
public sealed record GeneratedPtpTable(
    IReadOnlyList<string> Files,
    long Rows,
    long Pairs,
    long ActiveRows,
    long IndicatorZero,
    long IndicatorOne,
    long IndicatorNine,
    IReadOnlyList<(string Column1, string Column2)> ActivePairs);

/// <summary>Writes NCCI PTP tables in exactly the CMS layout (the AMA notice, the header wrapped over four lines,
/// tab-separated rows, Latin-1, CRLF, parts split at column 1 boundaries) at any size, reproducible from a seed.</summary>
/// <remarks>
/// The mix follows the published tables: column 1 codes across the CPT, Category III, PLA and Level II ranges with a
/// long-tailed number of column 2 codes each (near codes of the same range and a shared set of common ones such as
/// E/M and injections), most rows deleted, a fifth of pairs still in force, pairs re-added after deletion with
/// several date windows, indicators about 95 % 1, 3.5 % 0 and 1.6 % 9 (9 rows deleted the day they took effect).
/// </remarks>
public static class PtpTableGenerator
{
    private const int FirstYear = 1996;
    private const int MaxRowsPerColumn1 = 4_000;
    private const int Neighbourhood = 2_500;
    private const int CommonColumn2Codes = 2_500;
    private const int ActivePairsKept = 1_000;

    /// <summary>Written beside the parts: the <see cref="GeneratedPtpTable.ActivePairs"/>, one tab-separated pair a
    /// line, for load runs that build claims hitting real edits. The NCCI loader reads only <c>.TXT</c> parts.</summary>
    public const string ActivePairsFile = "active-pairs.tsv";

    /// <summary>Reads the pairs file written beside generated parts.</summary>
    public static IReadOnlyList<(string Column1, string Column2)> ReadActivePairs(string directory) =>
        [.. File.ReadLines(Path.Combine(directory, ActivePairsFile)).Select(l => l.Split('\t')).Select(c => (c[0], c[1]))];

    /// <summary>The header exactly as CMS writes it: the notice, then the column titles wrapped over four lines.</summary>
    private const string Preamble =
        "CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t\r\n" +
        "Column1/Column2 Edits\t\t\t\t\t\t\r\n" +
        "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n" +
        "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n" +
        "\t\t\t\t*=no data\t1=allowed\t\r\n" +
        "\t\t\t\t\t9=not applicable\t\r\n";

    /// <summary>Rationales CMS uses, weighted roughly as they occur.</summary>
    private static readonly (string Text, int Weight)[] Rationales =
    [
        ("Misuse of Column Two code with Column One code", 40),
        ("CPT Manual or CMS manual coding instruction", 25),
        ("Standards of medical/surgical practice", 15),
        ("Mutually exclusive procedures", 8),
        ("CPT separate procedure definition", 5),
        ("HCPCS/CPT procedure code definition", 3),
        ("More extensive procedure", 2),
        ("Anesthesia service included in surgical procedure", 1),
        ("Laboratory panel", 1),
    ];

    private static readonly int QuarterCount = QuarterIndex(new DateOnly(2026, 7, 1)) + 1;

    /// <summary>Writes the parts into <paramref name="directory"/> (created if needed).</summary>
    /// <param name="directory">The folder to write the part files into.</param>
    /// <param name="settings">Size, seed and names.</param>
    /// <param name="progress">Told the rows written so far, about every hundred thousand rows.</param>
    public static GeneratedPtpTable Write(string directory, PtpGeneratorSettings settings, IProgress<long>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Parts, 1);
        Directory.CreateDirectory(directory);

        var random = new Random(settings.Seed);
        var pool = PtpCodePool.Draw(random);
        var common = new HashSet<int>();
        while (common.Count < Math.Min(CommonColumn2Codes, pool.Length / 2))
        {
            common.Add(random.Next(pool.Length));
        }

        var commonCodes = common.ToArray();
        // Nine in ten codes head some rows at full size; small tables keep about 20 rows per column 1 code.
        var column1Share = Math.Min(0.9, settings.Rows / 20.0 / pool.Length);
        var column1 = Enumerable.Range(0, pool.Length).Where(_ => random.NextDouble() < column1Share).DefaultIfEmpty(0)
            .Take(settings.Rows).ToArray();
        if ((long)column1.Length * MaxRowsPerColumn1 < settings.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Rows,
                $"At most {(long)column1.Length * MaxRowsPerColumn1:N0} rows can be generated.");
        }

        var budgets = RowBudgets(random, column1.Length, settings.Rows);
        var rationaleDraw = Rationales.SelectMany((r, i) => Enumerable.Repeat(i, r.Weight)).ToArray();

        var stats = new Counters();
        var files = new List<string>();
        var partQuota = (long)Math.Ceiling(settings.Rows / (double)settings.Parts);
        StreamWriter? writer = null;
        var active = new List<(string, string)>();
        var activeStride = Math.Max(1, settings.Rows / ActivePairsKept / 8);
        try
        {
            for (var c = 0; c < column1.Length; c++)
            {
                if (writer is null || (stats.Rows >= partQuota * files.Count && files.Count < settings.Parts))
                {
                    writer?.Dispose();
                    var path = Path.Combine(directory, $"{NcciFileName.Stem(settings.Kind)}-{settings.Version}-f{files.Count + 1}.TXT");
                    files.Add(path);
                    writer = new StreamWriter(path, append: false, Encoding.Latin1, bufferSize: 1 << 20) { NewLine = "\r\n" };
                    writer.Write(Preamble);
                }

                var code1 = pool[column1[c]];
                foreach (var (column2, windows) in PairsOf(random, column1[c], budgets[c], pool.Length, commonCodes))
                {
                    var code2 = pool[column2];
                    var inForce = WritePair(writer, random, code1, code2, windows, settings.ActiveShare, rationaleDraw, stats);
                    if (inForce && active.Count < ActivePairsKept && stats.Pairs % activeStride == 0)
                    {
                        active.Add((code1, code2));
                    }

                    if (stats.Rows % 100_000 < windows)
                    {
                        progress?.Report(stats.Rows);
                    }
                }
            }
        }
        finally
        {
            writer?.Dispose();
        }

        progress?.Report(stats.Rows);
        File.WriteAllLines(Path.Combine(directory, ActivePairsFile), active.Select(p => $"{p.Item1}\t{p.Item2}"));
        return new GeneratedPtpTable(files, stats.Rows, stats.Pairs, stats.ActiveRows, stats.Zero, stats.One, stats.Nine, active);
    }

    /// <summary>Rows per column 1 code: long-tailed (log-normal), capped, summing to exactly <paramref name="rows"/>.</summary>
    private static int[] RowBudgets(Random random, int codes, int rows)
    {
        var weights = new double[codes];
        for (var i = 0; i < codes; i++)
        {
            weights[i] = Math.Exp(NextGaussian(random));
        }

        var total = weights.Sum();
        var budgets = weights.Select(w => Math.Clamp((int)(w / total * rows), 1, MaxRowsPerColumn1)).ToArray();
        var left = rows - budgets.Sum(b => (long)b);
        for (var i = 0; left != 0; i = (i + 1) % codes)
        {
            var step = left > 0 ? 1 : -1;
            if (budgets[i] + step is >= 1 and <= MaxRowsPerColumn1)
            {
                budgets[i] += step;
                left -= step;
            }
        }

        return budgets;
    }

    /// <summary>The column 2 codes of one column 1 code, in file order, each with its number of rows (date windows).</summary>
    private static IEnumerable<(int Column2, int Windows)> PairsOf(Random random, int column1, int budget, int poolSize, int[] common)
    {
        var pairs = Math.Max(1, (int)Math.Round(budget / 1.2));
        var chosen = new HashSet<int>();
        while (chosen.Count < pairs)
        {
            var candidate = random.NextDouble() < 0.5
                ? common[random.Next(common.Length)]
                : Math.Clamp(column1 + random.Next(-Neighbourhood, Neighbourhood + 1), 0, poolSize - 1);
            if (candidate != column1)
            {
                chosen.Add(candidate);
            }
        }

        var order = chosen.Order().ToArray();
        var windows = new int[order.Length];
        Array.Fill(windows, 1);
        for (var extra = budget - order.Length; extra > 0; extra--)
        {
            windows[random.Next(order.Length)]++;
        }

        for (var i = 0; i < order.Length; i++)
        {
            yield return (order[i], windows[i]);
        }
    }

    /// <summary>Writes a pair's rows in date order; true when its latest row is in force (indicator 0 or 1, open).</summary>
    private static bool WritePair(StreamWriter writer, Random random, string code1, string code2, int windows, double activeShare,
        int[] rationaleDraw, Counters stats)
    {
        // Distinct quarters for the windows' effective dates; each window is deleted before the next one starts.
        var quarters = new SortedSet<int>();
        var latestStart = Math.Max(0, QuarterCount - 1);
        while (quarters.Count < Math.Min(windows, QuarterCount))
        {
            quarters.Add(random.Next(0, latestStart + 1));
        }

        var starts = quarters.ToArray();
        var rationale = Rationales[rationaleDraw[random.Next(rationaleDraw.Length)]].Text;
        var inForce = false;
        for (var w = 0; w < windows; w++)
        {
            var quarter = starts[Math.Min(w, starts.Length - 1)];
            var effective = QuarterStart(quarter);
            var before1996 = quarter == 0 && random.NextDouble() < 0.5;
            var indicator = random.NextDouble() switch
            {
                < 0.016 => 9,
                < 0.051 => 0,
                _ => 1,
            };

            DateOnly? deletion;
            if (indicator == 9)
            {
                deletion = effective;
            }
            else if (w < starts.Length - 1)
            {
                deletion = QuarterStart(random.Next(quarter + 1, starts[w + 1] + 1)).AddDays(-1);
            }
            else if (random.NextDouble() < activeShare || quarter >= QuarterCount - 2)
            {
                deletion = null;
            }
            else
            {
                deletion = QuarterStart(random.Next(quarter + 1, QuarterCount - 1)).AddDays(-1);
            }

            writer.Write(code1);
            writer.Write('\t');
            writer.Write(code2);
            writer.Write(before1996 ? "\t*\t" : "\t\t");
            writer.Write(effective.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            writer.Write('\t');
            writer.Write(deletion?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "*");
            writer.Write('\t');
            writer.Write((char)('0' + indicator));
            writer.Write('\t');
            writer.WriteLine(rationale);

            stats.Count(indicator, deletion is null);
            inForce = w == windows - 1 && deletion is null && indicator != 9;
        }

        stats.Pairs++;
        return inForce;
    }

    private static int QuarterIndex(DateOnly date) => ((date.Year - FirstYear) * 4) + ((date.Month - 1) / 3);

    private static DateOnly QuarterStart(int index) => new(FirstYear + (index / 4), ((index % 4) * 3) + 1, 1);

    private static double NextGaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class Counters
    {
        public long Rows { get; private set; }

        public long Pairs { get; set; }

        public long ActiveRows { get; private set; }

        public long Zero { get; private set; }

        public long One { get; private set; }

        public long Nine { get; private set; }

        public void Count(int indicator, bool open)
        {
            Rows++;
            ActiveRows += open ? 1 : 0;
            Zero += indicator == 0 ? 1 : 0;
            One += indicator == 1 ? 1 : 0;
            Nine += indicator == 9 ? 1 : 0;
        }
    }
}
