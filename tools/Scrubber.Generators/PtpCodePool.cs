using System.Globalization;

namespace Scrubber.Generators;

/// <summary>A universe of real-looking HCPCS codes in the shapes and ranges the NCCI tables hold, sorted as CMS sorts
/// them (ordinal, so 0001A before 00100 and CPT before the Level II letters).</summary>
internal static class PtpCodePool
{
    /// <summary>CPT Category I ranges with how many codes of each a generated table draws.</summary>
    private static readonly (int Low, int High, int Count)[] NumericRanges =
    [
        (100, 1999, 280),       // anesthesia
        (10004, 69990, 5600),   // surgery
        (70010, 79999, 1000),   // radiology
        (80047, 89398, 1250),   // pathology and laboratory
        (90281, 99607, 1450),   // medicine, E/M
    ];

    /// <summary>Four digits and a letter: vaccine administration (A), multianalyte assays (M), Category III (T),
    /// proprietary laboratory analyses (U).</summary>
    private static readonly (char Suffix, int Low, int High, int Count)[] SuffixRanges =
    [
        ('A', 1, 174, 60),
        ('M', 1, 24, 18),
        ('T', 42, 950, 520),
        ('U', 1, 480, 330),
    ];

    /// <summary>HCPCS Level II: a letter and four digits.</summary>
    private static readonly (char Prefix, int Count)[] LevelTwo =
    [
        ('A', 120), ('C', 260), ('E', 80), ('G', 520), ('J', 760), ('L', 90), ('Q', 140), ('S', 60), ('U', 4),
    ];

    /// <summary>Draws the pool, ordinal-sorted and distinct.</summary>
    public static string[] Draw(Random random)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (low, high, count) in NumericRanges)
        {
            AddDistinct(codes, count, () => random.Next(low, high + 1).ToString("D5", CultureInfo.InvariantCulture));
        }

        foreach (var (suffix, low, high, count) in SuffixRanges)
        {
            AddDistinct(codes, count, () => random.Next(low, high + 1).ToString("D4", CultureInfo.InvariantCulture) + suffix);
        }

        foreach (var (prefix, count) in LevelTwo)
        {
            AddDistinct(codes, count, () => prefix + random.Next(1, 10000).ToString("D4", CultureInfo.InvariantCulture));
        }

        var pool = codes.ToArray();
        Array.Sort(pool, StringComparer.Ordinal);
        return pool;
    }

    private static void AddDistinct(HashSet<string> codes, int count, Func<string> next)
    {
        var target = codes.Count + count;
        while (codes.Count < target)
        {
            codes.Add(next());
        }
    }
}
