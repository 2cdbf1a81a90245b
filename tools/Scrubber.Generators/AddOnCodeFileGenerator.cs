using System.Globalization;
using System.Text;
using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Claims;

namespace Scrubber.Generators;

/// <summary>What <see cref="AddOnCodeFileGenerator"/> should write.</summary>
/// <param name="AddOnCodes">Distinct add-on codes; the 2024 Q2 CMS file had about 743.</param>
/// <param name="Rows">Rows to aim for; at least one per add-on code. A type 2 add-on takes one row whatever its share,
/// so a few fewer are written. CMS's files hold several thousand.</param>
/// <param name="Seed">The same seed writes the same bytes.</param>
/// <param name="Version">The release in the file name, e.g. <c>AOC_V2026Q3</c> (effective 2026-07-01).</param>
public sealed record AddOnGeneratorSettings(
    int AddOnCodes = AddOnGeneratorSettings.FullAddOnCodes,
    int Rows = AddOnGeneratorSettings.FullRows,
    int Seed = 2026,
    string Version = "AOC_V2026Q3")
{
    /// <summary>Distinct add-on codes of the 2024 Q2 CMS file (583 add-on only and 160 also primaries, as counted by a
    /// public importer of it).</summary>
    public const int FullAddOnCodes = 743;

    /// <summary>Rows at full size: no public count was found; 2,525 distinct primaries over 743 add-ons with a long
    /// tail (imaging guidance and E/M add-ons list dozens) gives several thousand.</summary>
    public const int FullRows = 6_000;
}

/// <summary>What was written.</summary>
/// <param name="File">The file.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="AddOnCodes">Distinct add-on codes.</param>
/// <param name="TypeOne">Rows of edit type 1.</param>
/// <param name="TypeTwo">Rows of edit type 2 (primary CCCCC).</param>
/// <param name="TypeThree">Rows of edit type 3.</param>
/// <param name="DeletedRows">Rows whose edit, add-on or primary is deleted.</param>
/// <param name="ActivePairs">Up to a thousand (add-on, primary) pairs of type 1 or 3 in force on the release's first
/// day, for load runs that build claims with a valid primary (or leave it out).</param>
public sealed record GeneratedAddOnFile(
    string File,
    int Rows,
    int AddOnCodes,
    int TypeOne,
    int TypeTwo,
    int TypeThree,
    int DeletedRows,
    IReadOnlyList<(string AddOn, string Primary)> ActivePairs);

/// <summary>Writes a CMS add-on code file in exactly the layout the loader reads (<see cref="AddOnCodeLayout"/>) at
/// real size, reproducible from a seed.</summary>
/// <remarks>
/// Add-on codes across the CPT surgery, radiology, medicine, Category III and Level II ranges; primaries near their
/// add-on (the same family) with a long tail of add-ons listing dozens; about 85 % type 1, 10 % type 3 and 5 % type 2
/// (one CCCCC row each); edit effective dates from 2013-04-01 (when the AOC edits began) to the release; about one
/// row in eight deleted at a quarter's end, some by the add-on code's or the primary's deletion.
/// </remarks>
public static class AddOnCodeFileGenerator
{
    private const int ActivePairsKept = 1_000;
    private static readonly DateOnly FirstEdit = new(2013, 4, 1);

    /// <summary>Number ranges add-on codes are drawn from, weighted as CPT's add-ons cluster (surgery most).</summary>
    private static readonly (int Low, int High, int Weight)[] NumericRanges =
    [
        (10021, 69990, 60), (70010, 79999, 10), (80047, 89398, 5), (90281, 99607, 15),
    ];

    /// <exception cref="ArgumentOutOfRangeException">Fewer rows than add-on codes, or more add-on codes than the
    /// code ranges hold.</exception>
    public static GeneratedAddOnFile Write(string folder, AddOnGeneratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.AddOnCodes, 1, nameof(settings.AddOnCodes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.AddOnCodes, 20_000, nameof(settings.AddOnCodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Rows, settings.AddOnCodes, nameof(settings.Rows));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Rows, 5_000_000, nameof(settings.Rows));
        var name = AddOnCodeFileName.Parse(settings.Version + "-MCR.txt", settings.Version)
            ?? throw new ArgumentException($"'{settings.Version}' is not a release name like AOC_V2026Q3.", nameof(settings));

        var random = new Random(settings.Seed);
        var addOns = AddOnCodes(random, settings.AddOnCodes);
        var counts = PrimaryCounts(random, settings.AddOnCodes, settings.Rows);
        var lines = new List<string>(settings.Rows);
        var active = new List<(string, string)>();
        int typeOne = 0, typeTwo = 0, typeThree = 0, deleted = 0;
        for (var i = 0; i < addOns.Length; i++)
        {
            var addOn = addOns[i];
            var roll = random.NextDouble();
            var type = roll < 0.05 ? AddOnEditType.ContractorPrimaries : roll < 0.15 ? AddOnEditType.ListedAndContractorPrimaries : AddOnEditType.ListedPrimariesOnly;
            var effective = QuarterStart(random, FirstEdit, name.AppliesFrom);
            DateOnly? addOnDeleted = random.NextDouble() < 0.03 ? QuarterEnd(random, effective, name.AppliesFrom) : null;
            var notes = random.NextDouble() < 0.04 ? Notes[random.Next(Notes.Length)] : string.Empty;
            if (type == AddOnEditType.ContractorPrimaries)
            {
                lines.Add(AddOnCodeLayout.FormatRow(type, addOn, addOnDeleted, null, null, effective, null, "Contractor Defined Primary Codes"));
                typeTwo++;
                deleted += addOnDeleted is null ? 0 : 1;
                continue;
            }

            foreach (var primary in Primaries(random, addOn, counts[i]))
            {
                var rowEffective = random.NextDouble() < 0.8 ? effective : QuarterStart(random, effective, name.AppliesFrom);
                DateOnly? rowDeleted = random.NextDouble() < 0.1 ? QuarterEnd(random, rowEffective, name.AppliesFrom) : null;
                DateOnly? primaryDeleted = random.NextDouble() < 0.02 ? QuarterEnd(random, rowEffective, name.AppliesFrom) : null;
                lines.Add(AddOnCodeLayout.FormatRow(type, addOn, addOnDeleted, primary, primaryDeleted, rowEffective, rowDeleted, notes));
                _ = type == AddOnEditType.ListedPrimariesOnly ? typeOne++ : typeThree++;
                var gone = addOnDeleted is not null || rowDeleted is not null || primaryDeleted is not null;
                deleted += gone ? 1 : 0;
                if (!gone && rowEffective <= name.AppliesFrom && active.Count < ActivePairsKept && random.Next(4) == 0)
                {
                    active.Add((addOn.ToString(), primary.ToString()));
                }
            }
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, settings.Version + "-MCR.txt");
        using (var writer = new StreamWriter(path, append: false, Encoding.Latin1))
        {
            writer.NewLine = "\r\n";
            writer.Write(AddOnCodeLayout.Preamble);
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
        }

        return new GeneratedAddOnFile(path, lines.Count, addOns.Length, typeOne, typeTwo, typeThree, deleted, active);
    }

    private static readonly string[] Notes =
    [
        "Practitioner Only",
        "May be reported by facilities only",
        "IOM: Pub. 100-04, Ch. 12, Sec. 20.4.5 Allowable Adjustments",
        "Primary may be reported on the previous date of service",
    ];

    /// <summary>Distinct add-on codes in code order: mostly numeric CPT, some Category III (####T) and Level II (G####).</summary>
    private static HcpcsCode[] AddOnCodes(Random random, int count)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var total = NumericRanges.Sum(r => r.Weight);
        while (codes.Count < count)
        {
            var roll = random.Next(100);
            codes.Add(roll switch
            {
                < 8 => string.Create(CultureInfo.InvariantCulture, $"{random.Next(42, 999):D4}T"),
                < 12 => string.Create(CultureInfo.InvariantCulture, $"G{random.Next(1, 9999):D4}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{Numeric(random, total)}"),
            });
        }

        return [.. codes.Select(HcpcsCode.Parse).OrderBy(c => c.Value)];
    }

    private static int Numeric(Random random, int total)
    {
        var pick = random.Next(total);
        foreach (var (low, high, weight) in NumericRanges)
        {
            if (pick < weight)
            {
                return random.Next(low, high + 1);
            }

            pick -= weight;
        }

        return NumericRanges[0].Low;
    }

    /// <summary>How many primaries each add-on lists: one or a few for most, a long tail of dozens, summing to the rows.</summary>
    private static int[] PrimaryCounts(Random random, int addOns, int rows)
    {
        var counts = new int[addOns];
        Array.Fill(counts, 1);
        for (var extra = rows - addOns; extra > 0; extra--)
        {
            // Preferential attachment: an add-on that lists many primaries tends to list more (imaging guidance, E/M).
            var i = random.Next(addOns);
            var j = random.Next(addOns);
            counts[counts[i] >= counts[j] ? i : j]++;
        }

        return counts;
    }

    /// <summary>Distinct primaries for an add-on: numeric codes near it (its family), and E/M codes for medicine add-ons.</summary>
    private static IEnumerable<HcpcsCode> Primaries(Random random, HcpcsCode addOn, int count)
    {
        var text = addOn.ToString();
        var centre = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : random.Next(10021, 69990);
        var chosen = new SortedSet<string>(StringComparer.Ordinal);
        var spread = Math.Max(50, count * 3);
        while (chosen.Count < count)
        {
            var code = random.Next(10) == 0 && centre >= 90000
                ? random.Next(99202, 99216)
                : Math.Clamp(centre + random.Next(-spread, spread + 1), 10021, 99607);
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{code:D5}");
            if (!string.Equals(candidate, text, StringComparison.Ordinal))
            {
                chosen.Add(candidate);
            }
        }

        return chosen.Select(HcpcsCode.Parse);
    }

    /// <summary>A quarter's first day between <paramref name="from"/> and <paramref name="until"/>.</summary>
    private static DateOnly QuarterStart(Random random, DateOnly from, DateOnly until)
    {
        var quarters = Math.Max(0, ((until.Year - from.Year) * 4) + ((until.Month - from.Month) / 3));
        var start = new DateOnly(from.Year, 1 + ((from.Month - 1) / 3 * 3), 1).AddMonths(3 * random.Next(quarters + 1));
        return start < from ? from : start;
    }

    /// <summary>A quarter's last day after <paramref name="effective"/> and before the release.</summary>
    private static DateOnly QuarterEnd(Random random, DateOnly effective, DateOnly release)
    {
        var end = QuarterStart(random, effective, release).AddMonths(3).AddDays(-1);
        return end >= release ? release.AddDays(-1) < effective ? effective : release.AddDays(-1) : end;
    }
}
