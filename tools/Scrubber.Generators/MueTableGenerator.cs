using System.Globalization;
using System.Text;
using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;

namespace Scrubber.Generators;

/// <summary>What <see cref="MueTableGenerator"/> writes.</summary>
/// <param name="Codes">Codes in the table (the 2026 Q4 outpatient hospital table has 15,171).</param>
/// <param name="Seed">The same seed writes the same bytes.</param>
/// <param name="Kind">Which table: its file name and value column say.</param>
/// <param name="Effective">The effective date in the file name.</param>
public sealed record MueGeneratorSettings(int Codes, int Seed, MueTableKind Kind, DateOnly Effective)
{
    /// <summary>About the size of a real table: the outpatient hospital table of 10-01-2026 lists 15,171 codes.</summary>
    public const int FullCodes = 15_171;

    /// <summary>The most codes a generated table may hold: what the code pool can draw distinct.</summary>
    public const int MaxCodes = 60_000;
}

/// <summary>One code's row of an MUE file: code, value, adjudication indicator (1–3) and rationale.</summary>
public sealed record MueRow(string Code, int Value, int Indicator, string Rationale = "Clinical: CMS Workgroup");

/// <summary>Writes a synthetic MUE table in the exact CMS layout: a CSV, Latin-1, CRLF, whose first record is the
/// quoted multi-paragraph AMA notice followed by <c>,,,</c>, and whose header's first cell holds a line break
/// (domain.md §3). The real tables hold AMA-licensed codes and are downloads, so benchmarks and load runs use these.</summary>
public static class MueTableGenerator
{
    /// <summary>The notice as CMS lays it out: paragraphs inside one quoted cell, with the ® sign that makes the file Latin-1.</summary>
    private const string Notice =
        "\"Current Procedural Terminology (CPT) codes, descriptions and other data only are copyright 2025 American Medical Association. All rights reserved. \r\n" +
        "\r\n" +
        "CPT® is a registered trademark of the American Medical Association.\r\n" +
        "\r\n" +
        "Applicable FARS/DFARS Restrictions Apply to Government Use. \r\n" +
        "\r\n" +
        "Fee schedules, relative value units, conversion factors and/or related components are not assigned by the AMA, are not part of CPT, and the AMA is not recommending their use.\",,,\r\n";

    /// <summary>The rationales seen in the published files, with rough weights.</summary>
    private static readonly (string Rationale, int Weight)[] Rationales =
    [
        ("Code Descriptor / CPT Instruction", 40), ("Nature of Service/Procedure", 30), ("Clinical: CMS Workgroup", 20), ("Nature of Analyte", 10),
    ];

    /// <summary>Writes the file into <paramref name="folder"/> under its CMS name and returns its path.</summary>
    public static string Write(string folder, MueGeneratorSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Codes, MueGeneratorSettings.MaxCodes, nameof(settings));
        var random = new Random(settings.Seed);
        return WriteRows(folder, settings.Kind, settings.Effective, Codes(random, settings.Codes).Select(code =>
        {
            var (value, indicator) = Draw(random);
            return new MueRow(code, value, indicator, Rationale(random));
        }));
    }

    /// <summary>Writes these rows into <paramref name="folder"/> as the CMS file of <paramref name="kind"/> in force from
    /// <paramref name="effective"/>, in the exact CMS layout, and returns its path.</summary>
    public static string WriteRows(string folder, MueTableKind kind, DateOnly effective, IEnumerable<MueRow> rows) =>
        WriteRows(folder, NcciProgram.Medicare, kind, effective, rows);

    /// <summary>Writes these rows into <paramref name="folder"/> as the file of <paramref name="program"/>'s table of
    /// <paramref name="kind"/> in force from <paramref name="effective"/> (Medicaid: <c>MCD_MUE_…</c>, in the layout assumed
    /// for it, which is CMS's Medicare one), and returns its path.</summary>
    public static string WriteRows(string folder, NcciProgram program, MueTableKind kind, DateOnly effective, IEnumerable<MueRow> rows)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, MueFileName.CmsName(program, kind, effective));
        using var writer = new StreamWriter(path, append: false, Encoding.Latin1, bufferSize: 1 << 16) { NewLine = "\r\n" };
        writer.Write(Notice);
        writer.WriteLine($"\"HCPCS/\r\nCPT Code\",{ValueColumn(kind)},MUE Adjudication Indicator,MUE Rationale");
        foreach (var row in rows)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Code},{row.Value},{Indicator(row.Indicator)},{row.Rationale}"));
        }

        return path;
    }

    private static string ValueColumn(MueTableKind kind) => kind switch
    {
        MueTableKind.OutpatientHospital => "Outpatient Hospital Services MUE Values",
        MueTableKind.Dme => "DME Supplier Services MUE Values",
        _ => "Practitioner Services MUE Values",
    };

    /// <summary>A value and indicator in about the published proportions (outpatient hospital 10-01-2026: MAI 3 59 %,
    /// MAI 2 41 %, MAI 1 0.3 %, MUE 0 9 %); most values are 1, some a few, drugs and supplies hundreds.</summary>
    private static (int Value, int Indicator) Draw(Random random)
    {
        var indicator = random.Next(10_000) switch
        {
            < 30 => 1,
            < 4_080 => 2,
            _ => 3,
        };
        var value = random.Next(100) switch
        {
            < 9 => 0,
            < 65 => 1,
            < 85 => random.Next(2, 5),
            < 97 => random.Next(5, 40),
            _ => random.Next(40, 1_000),
        };
        return (value, indicator);
    }

    private static string Indicator(int indicator) => indicator switch
    {
        1 => "1 Line Edit",
        2 => "2 Date of Service Edit: Policy",
        _ => "3 Date of Service Edit: Clinical",
    };

    private static string Rationale(Random random)
    {
        var pick = random.Next(Rationales.Sum(r => r.Weight));
        foreach (var (rationale, weight) in Rationales)
        {
            if ((pick -= weight) < 0)
            {
                return rationale;
            }
        }

        return Rationales[0].Rationale;
    }

    /// <summary>Distinct real-looking codes, sorted as CMS sorts them: the PTP generator's pool, topped up with more
    /// Level II codes when a table asks for more.</summary>
    private static string[] Codes(Random random, int count)
    {
        var pool = new HashSet<string>(PtpCodePool.Draw(random), StringComparer.Ordinal);
        var prefixes = "ACEGJKLQ";
        while (pool.Count < count)
        {
            pool.Add(prefixes[random.Next(prefixes.Length)] + random.Next(1, 10_000).ToString("D4", CultureInfo.InvariantCulture));
        }

        // Sorted before the shuffle: a set's order follows string hashes, which differ between processes.
        var all = pool.ToArray();
        Array.Sort(all, StringComparer.Ordinal);
        random.Shuffle(all);
        var codes = all[..count];
        Array.Sort(codes, StringComparer.Ordinal);
        return codes;
    }
}
