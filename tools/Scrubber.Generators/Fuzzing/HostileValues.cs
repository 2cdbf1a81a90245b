using Bogus;

namespace Scrubber.Generators.Fuzzing;

/// <summary>Values a careless or hostile client sends: empty, blank, very long, non-ASCII, control characters, NUL,
/// numbers that are not numbers, dates that are not dates.</summary>
internal static class HostileValues
{
    private static readonly string[] Strings =
    [
        "", " ", "   \t ", "\0", "A\0B", "\u0001\u0002\u001F", "\r\n", "\u007F", "é", "ÄÖÜ漢字", "😀😀", "\u202Egnp.exe",
        "\uFEFF99213", "９９２１３", "NaN", "-1", "1e309", "null", "'; DROP TABLE scrubs; --", "%s%s%n", "{0}",
        "<script>alert(1)</script>", "../../etc/passwd", new string('9', 10), new string('9', 11), new string('X', 81),
        new string('Z', 10_000), new string('\0', 64),
    ];

    private static readonly string[] Dates =
    [
        "", " ", "0000-00-00", "2026-02-30", "2026-13-01", "2026-00-10", "0001-01-01", "9999-12-31", "1899-12-31",
        "1900-01-01", "2200-01-01", "07/01/2026", "2026-7-1", "20260701", "2026-07-01T00:00:00Z", "-2026-07-01",
        "２０２６-07-01", "2026-07-01\0", "2024-02-29", "2025-02-29", "1996-01-01", "1995-12-31",
    ];

    private static readonly string[] Charges =
    [
        "", "0", "0.00", "-5.00", "-0.00", "99999999.99", "100000000.00", "1e5", "NaN", "Infinity", "1,000.00",
        "  10.00", "10.005", ".", "5.", ".5", "79228162514264337593543950335", "7922816251426433759354395033599999",
        "0x10", "١٠٠",
    ];

    private static readonly double[] Units =
    [
        0, -0.0, -1, 0.5, double.Epsilon, 1e-300, 99_999, 100_000, 1e308, double.MaxValue, double.MinValue,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    ];

    /// <summary>A hostile string: from the list, random Unicode, or <paramref name="valid"/> with one character changed.</summary>
    public static string String(Randomizer random, string valid) => random.Int(0, 9) switch
    {
        // Surrogates excluded: a lone one cannot be encoded as UTF-8, so the client, not the server, would refuse it.
        < 2 => random.Utf16String(1, 120, excludeSurrogates: true),
        < 4 when valid.Length > 0 => valid.Insert(random.Int(0, valid.Length), random.ArrayElement(["\0", "\u00A0", "-", "ß", "\n"])),
        _ => random.ArrayElement(Strings),
    };

    public static string Date(Randomizer random) => random.ArrayElement(Dates);

    public static string Charge(Randomizer random) => random.ArrayElement(Charges);

    public static double Unit(Randomizer random) => random.ArrayElement(Units);
}
