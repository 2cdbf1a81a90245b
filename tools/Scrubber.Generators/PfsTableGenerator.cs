using System.Globalization;
using System.Text;
using Scrubber.Core.Pfs;

namespace Scrubber.Generators;

/// <summary>What <see cref="PfsTableGenerator"/> writes.</summary>
/// <param name="Rows">Rows in the file (a real PPRRVU file has about 19,000, modifier rows included).</param>
/// <param name="Seed">The same seed writes the same bytes.</param>
/// <param name="Effective">The release's month (its first day): the file name says it.</param>
public sealed record PfsGeneratorSettings(int Rows, int Seed, DateOnly Effective)
{
    /// <summary>About the size of a real file: the 2026 PPRRVU files hold about 19,000 rows.</summary>
    public const int FullRows = 19_000;

    /// <summary>The fewest rows a generated file may hold: the known rows every file carries.</summary>
    public const int MinRows = 100;

    /// <summary>The most rows a generated file may hold.</summary>
    public const int MaxRows = 60_000;
}

/// <summary>One row of a PPRRVU file, codes and numbers only. The generator writes a placeholder descriptor.</summary>
/// <param name="Code">The HCPCS code.</param>
/// <param name="GlobalDays">000, 010, 090, MMM, XXX, YYY or ZZZ, as CMS writes it (any text, so tests can write bad rows).</param>
/// <param name="Modifier">Empty for the code's global row, or 26, TC, 53….</param>
/// <param name="Status">The status code letter.</param>
/// <param name="MultProc">MULT PROC indicator.</param>
/// <param name="BilatSurg">BILAT SURG indicator.</param>
public sealed record PfsRow(string Code, string GlobalDays, string Modifier = "", string Status = "A", int MultProc = 0, int BilatSurg = 0)
{
    /// <summary>PRE OP, INTRA OP and POST OP as written; null for the usual split of the period.</summary>
    public (string Pre, string Intra, string Post)? Shares { get; init; }
}

/// <summary>Writes a synthetic physician fee schedule RVU file (PPRRVU) in the exact CMS layout: CSV, Latin-1, CRLF,
/// notice and multi-row header lines, the header row whose first cell is <c>HCPCS</c>, then 32 columns per row
/// (domain.md §5). Descriptors are placeholders (<c>REDACTED</c>), never CPT text, which the AMA licenses; codes,
/// periods and indicators are drawn in about the published mix, numbers are made up.</summary>
public static class PfsTableGenerator
{
    /// <summary>The placeholder in the DESCRIPTION column; some rows quote one with a comma, as CMS quotes descriptors.</summary>
    public const string Placeholder = "REDACTED";

    private const string ConversionFactor = "33.4009";

    /// <summary>Codes the repository's sample claims, packs and tests use, with their periods as CMS publishes them; every
    /// generated file holds them, and the bundled sample is these rows alone.</summary>
    public static IReadOnlyList<PfsRow> KnownRows { get; } =
    [
        new("0001A", "XXX"), new("0001U", "XXX"), new("0009U", "XXX"), new("0030U", "XXX"),
        new("10060", "010", MultProc: 2), new("11042", "000", MultProc: 2), new("11043", "000", MultProc: 2), new("11044", "000", MultProc: 2),
        new("11045", "ZZZ"), new("11046", "ZZZ"), new("11047", "ZZZ"),
        new("15271", "000", MultProc: 2), new("15272", "ZZZ"), new("17999", "YYY", Status: "C", MultProc: 2, BilatSurg: 1),
        new("20610", "000", MultProc: 2, BilatSurg: 1), new("27447", "090", MultProc: 2, BilatSurg: 1),
        new("36591", "XXX", Status: "T"), new("43239", "000", MultProc: 3), new("45378", "000", MultProc: 3),
        new("59400", "MMM", MultProc: 2), new("59510", "MMM", MultProc: 2), new("59525", "ZZZ"), new("59610", "MMM", MultProc: 2),
        new("64479", "000", MultProc: 2, BilatSurg: 1), new("64480", "ZZZ", BilatSurg: 1), new("64483", "000", MultProc: 2, BilatSurg: 1), new("64484", "ZZZ", BilatSurg: 1),
        new("71046", "XXX", MultProc: 0), new("71046", "XXX", "26"), new("71046", "XXX", "TC"),
        new("85025", "XXX"), new("90473", "XXX"), new("90833", "ZZZ"), new("90836", "ZZZ"), new("90837", "XXX"), new("90838", "ZZZ"), new("90847", "XXX"),
        new("93000", "XXX"), new("93015", "XXX"), new("97110", "XXX"), new("97597", "000", MultProc: 2), new("97598", "ZZZ"),
        new("99050", "XXX", Status: "B"), new("99202", "XXX"), new("99203", "XXX"), new("99204", "XXX"), new("99205", "XXX"),
        new("99212", "XXX"), new("99213", "XXX"), new("99214", "XXX"), new("99215", "XXX"), new("99291", "XXX"), new("99292", "ZZZ"),
        new("E0114", "XXX", Status: "X"), new("G0471", "XXX", Status: "X"),
    ];

    /// <summary>Writes the file into <paramref name="folder"/> under its CMS name and returns its path.</summary>
    public static string Write(string folder, PfsGeneratorSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Rows, PfsGeneratorSettings.MaxRows, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Rows, PfsGeneratorSettings.MinRows, nameof(settings));
        return WriteRows(folder, settings.Effective, Draw(new Random(settings.Seed), settings.Rows), settings.Seed);
    }

    /// <summary>Writes these rows into <paramref name="folder"/> as the non-QPP PPRRVU file of the month of
    /// <paramref name="effective"/>, in the exact CMS layout, and returns its path.</summary>
    /// <param name="folder">Where to write (created if needed).</param>
    /// <param name="effective">A day of the release's month.</param>
    /// <param name="rows">The rows, in the order to write them.</param>
    /// <param name="seed">Draws the made-up RVUs.</param>
    public static string WriteRows(string folder, DateOnly effective, IEnumerable<PfsRow> rows, int seed = 1)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, PfsFileName.CmsName(effective));
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, Encoding.Latin1, bufferSize: 1 << 16) { NewLine = "\r\n" };
        WritePreamble(writer, effective);
        var line = new StringBuilder(256);
        var index = 0;
        foreach (var row in rows)
        {
            line.Clear();
            Append(line, row, random, index++);
            writer.WriteLine(line);
        }

        return path;
    }

    /// <summary>Nine lines before the header, as CMS lays them out: the notices, the release title and the upper rows of
    /// the multi-row header, each padded to 32 cells; then the header row that starts <c>HCPCS,MOD,DESCRIPTION</c>.</summary>
    private static void WritePreamble(StreamWriter writer, DateOnly effective)
    {
        var pad = new string(',', Columns - 1);
        writer.WriteLine("\"CPT codes and descriptions only are copyright 2025 American Medical Association. All Rights Reserved. Applicable FARS/DFARS Apply.\"" + pad);
        writer.WriteLine("\"Dental codes (D codes) are copyright 2025 American Dental Association. All Rights Reserved.\"" + pad);
        writer.WriteLine("\"CPT® is a registered trademark of the American Medical Association.\"" + pad);
        writer.WriteLine(pad);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\"{effective.Year} NATIONAL PHYSICIAN FEE SCHEDULE RELATIVE VALUE FILE, {effective.ToString("MMMM", CultureInfo.InvariantCulture).ToUpperInvariant()} RELEASE (SYNTHETIC: GENERATED, NOT A CMS FILE)\"{pad}"));
        writer.WriteLine("\"Descriptors are placeholders; RVUs and amounts are made up.\"" + pad);
        writer.WriteLine(pad);
        writer.WriteLine(",,,,NOT USED,,NON-,NON-FAC,,FACILITY,,NON-,,,,,,,,,,,,,,,PHYS,,DIAG,NON-FAC PE,FAC PE,MP");
        writer.WriteLine(",,,STATUS,FOR MEDICARE,WORK,FAC PE,NA,FACILITY,NA,MP,FACILITY,FACILITY,PCTC,,,,,MULT,BILAT,ASST,CO-,TEAM,PRIC,ENDO,CONV,SUPERVISION,CALCULATION,IMAGING,USED FOR OPPS,USED FOR OPPS,USED FOR OPPS");
        writer.WriteLine("HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,GLOB DAYS,PRE OP,INTRA OP,POST OP,PROC,SURG,SURG,SURG,SURG,IND,BASE,FACTOR,OF DIAG PROCS,FLAG,FAMILY IND,PAYMENT AMOUNT,PAYMENT AMOUNT,PAYMENT AMOUNT");
    }

    private const int Columns = 32;

    private static void Append(StringBuilder line, PfsRow row, Random random, int index)
    {
        var inv = CultureInfo.InvariantCulture;
        var surgical = row.GlobalDays is "000" or "010" or "090";
        var (pre, intra, post) = row.Shares ?? (row.GlobalDays switch
        {
            "090" => ("0.09", "0.84", "0.07"),
            "010" => ("0.10", "0.80", "0.10"),
            "000" => ("0.10", "0.80", "0.10"),
            _ => ("0.00", "0.00", "0.00"),
        });
        var work = row.Modifier == "TC" ? 0 : random.Next(0, surgical ? 3_000 : 400) / 100.0;
        var pe = random.Next(0, 1_500) / 100.0;
        var mp = random.Next(0, surgical ? 300 : 40) / 100.0;
        var pctc = row.Modifier is "26" or "TC" ? "1" : "0";
        var descriptor = index % 9 == 4 ? $"\"{Placeholder}, PLACEHOLDER\"" : Placeholder;
        var indicators = surgical || row.GlobalDays is "MMM" or "YYY" or "ZZZ" ? "2,0,0" : "9,9,9";
        line.Append(inv, $"{row.Code},{row.Modifier},{descriptor},{row.Status},,{work:F2},{pe:F2},,{pe * 0.6:F2},,{mp:F2},");
        line.Append(inv, $"{work + pe + mp:F2},{work + (pe * 0.6) + mp:F2},{pctc},{row.GlobalDays},{pre},{intra},{post},{row.MultProc},{row.BilatSurg},");
        line.Append(inv, $"{indicators},{(surgical ? "1" : "9")},,{ConversionFactor},09,0,99,0.00,0.00,0.00");
    }

    /// <summary>The known rows and drawn ones to exactly <paramref name="count"/> rows, sorted as CMS sorts them (code,
    /// then the global row before its modifier rows).</summary>
    private static List<PfsRow> Draw(Random random, int count)
    {
        var used = new HashSet<string>(KnownRows.Select(r => r.Code), StringComparer.Ordinal);
        var groups = new List<PfsRow[]>();
        void Range(int low, int high, int take, Func<int, string, PfsRow[]> make)
        {
            for (var added = 0; added < take;)
            {
                var code = random.Next(low, high + 1).ToString("D5", CultureInfo.InvariantCulture);
                if (used.Add(code))
                {
                    groups.Add(make(int.Parse(code, CultureInfo.InvariantCulture), code));
                    added++;
                }
            }
        }

        Range(100, 1999, 280, (_, c) => [new PfsRow(c, "XXX", MultProc: 2)]);
        Range(10004, 69990, 7_500, (n, c) => [Surgery(random, n, c)]);
        Range(70010, 79999, 1_100, (_, c) => WithParts(c, "XXX", 4));
        Range(80047, 89398, 1_300, (_, c) => random.Next(100) < 15 ? WithParts(c, "XXX", 9) : [new PfsRow(c, "XXX", Status: random.Next(100) < 70 ? "X" : "A", MultProc: 9, BilatSurg: 9)]);
        Range(90281, 99199, 1_300, (_, c) => random.Next(100) switch
        {
            < 3 => [new PfsRow(c, "ZZZ")],
            < 18 => WithParts(c, "XXX", 0),
            _ => [new PfsRow(c, "XXX")],
        });
        Range(99202, 99499, 120, (_, c) => [new PfsRow(c, "XXX")]);
        foreach (var (suffix, low, high, take) in new[] { ('T', 42, 950, 520), ('U', 1, 480, 330), ('A', 1, 174, 60), ('M', 1, 24, 10) })
        {
            for (var added = 0; added < take;)
            {
                var code = random.Next(low, high + 1).ToString("D4", CultureInfo.InvariantCulture) + suffix;
                if (used.Add(code))
                {
                    groups.Add([suffix == 'T' && random.Next(100) < 40 ? new PfsRow(code, "YYY", Status: "C") : new PfsRow(code, "XXX", Status: suffix == 'T' ? "C" : "A")]);
                    added++;
                }
            }
        }

        // Sorted before the shuffle so the same seed draws the same file in any process.
        groups.Sort((a, b) => string.CompareOrdinal(a[0].Code, b[0].Code));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(groups));
        var rows = new List<PfsRow>(count);
        rows.AddRange(KnownRows.Take(count));
        foreach (var group in groups)
        {
            if (rows.Count + group.Length <= count)
            {
                rows.AddRange(group);
            }
        }

        const string prefixes = "ACEGJKLQS";
        while (rows.Count < count)
        {
            var code = prefixes[random.Next(prefixes.Length)] + random.Next(1, 10_000).ToString("D4", CultureInfo.InvariantCulture);
            if (used.Add(code))
            {
                rows.Add(random.Next(100) < 2 ? new PfsRow(code, "YYY", Status: "C") : new PfsRow(code, "XXX", Status: "XIAENR"[random.Next(6)].ToString()));
            }
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code) is var byCode and not 0 ? byCode : string.CompareOrdinal(a.Modifier, b.Modifier));
        return rows;
    }

    /// <summary>A surgery-section code: maternity care 59400–59622 MMM (its add-on ZZZ), unlisted procedures (…99) YYY,
    /// endoscopies 000, else mostly 090 and 000, some 010, a few add-ons ZZZ.</summary>
    private static PfsRow Surgery(Random random, int number, string code)
    {
        if (number is >= 59400 and <= 59622)
        {
            return new PfsRow(code, "MMM", MultProc: 2);
        }

        if (number % 100 == 99)
        {
            return new PfsRow(code, "YYY", Status: "C", MultProc: 2, BilatSurg: 1);
        }

        if (number is (>= 43180 and <= 43289) or (>= 45300 and <= 45398) or (>= 31231 and <= 31298) or (>= 52000 and <= 52356))
        {
            return new PfsRow(code, "000", MultProc: 3);
        }

        var bilat = random.Next(100) < 25 ? 1 : 0;
        return random.Next(100) switch
        {
            < 5 => new PfsRow(code, "ZZZ", BilatSurg: bilat),
            < 37 => new PfsRow(code, "000", MultProc: 2, BilatSurg: bilat),
            < 57 => new PfsRow(code, "010", MultProc: 2, BilatSurg: bilat),
            _ => new PfsRow(code, "090", MultProc: 2, BilatSurg: bilat),
        };
    }

    /// <summary>A code billed whole, professional (26) and technical (TC): three rows.</summary>
    private static PfsRow[] WithParts(string code, string days, int multProc) =>
        [new PfsRow(code, days, MultProc: multProc), new PfsRow(code, days, "26", MultProc: multProc), new PfsRow(code, days, "TC", MultProc: multProc)];
}
