using Scrubber.Core.Claims;

namespace Scrubber.Core.Scrubbing;

/// <summary>The body-system sections of the CPT surgery chapter (10004–69990), by where each starts: two procedures in
/// one section are likely related (a staged or return-to-OR procedure, 58 or 78), in two sections likely unrelated (79).
/// The section boundaries are CPT's published code ranges; no descriptor is used.</summary>
internal static class SurgicalSections
{
    /// <summary>The first code of each section: general and integumentary, musculoskeletal, respiratory,
    /// cardiovascular, hemic and lymphatic, mediastinum and diaphragm, digestive, urinary, male genital, intersex,
    /// female genital, maternity, endocrine, nervous, eye, auditory; the chapter ends before 70010 (radiology).</summary>
    private static readonly int[] Starts = [10004, 20100, 30000, 33016, 38100, 39000, 40490, 50010, 54000, 55920, 56405, 59000, 60000, 61000, 65091, 69000];

    private const int ChapterEnd = 69990;

    /// <summary>The section of a CPT surgery code (0-based), or null for any other code (HCPCS Level II, Category III,
    /// medicine, radiology).</summary>
    public static int? Of(HcpcsCode code)
    {
        var text = code.ToString();
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ||
            number < Starts[0] || number > ChapterEnd)
        {
            return null;
        }

        var section = Array.BinarySearch(Starts, number);
        return section >= 0 ? section : ~section - 1;
    }

    /// <summary>Whether two codes are in one section (true), two (false), or either is not a surgery code (null).</summary>
    public static bool? Same(HcpcsCode a, HcpcsCode b) => Of(a) is { } x && Of(b) is { } y ? x == y : null;
}
