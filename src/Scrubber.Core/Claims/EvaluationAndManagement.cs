using Scrubber.Core.CodeSets;

namespace Scrubber.Core.Claims;

/// <summary>Which procedure codes are evaluation and management (E/M) services, and of which category: the <c>em</c>
/// code set (rules/codesets/em.json), which lists CPT 99202–99499 by category and the HCPCS visits CMS treats as E/M.</summary>
public static class EvaluationAndManagement
{
    private static readonly CodeSet Set = CodeSetCatalog.Default["em"];
    private static readonly CodeSet Eligible25 = CodeSetCatalog.Default["em-25-eligible"];

    /// <summary>Whether <paramref name="code"/> is an E/M service.</summary>
    public static bool Contains(HcpcsCode code) => Set.Contains(code);

    /// <summary>The E/M category of <paramref name="code"/> (office-established, emergency, …), or null for a non-E/M code.</summary>
    public static string? CategoryOf(HcpcsCode code) => Set.CategoryOf(code);

    /// <summary>Whether 25 (and 57) is valid on <paramref name="code"/>: the E/M services and the general
    /// ophthalmological exams 92002–92014 (the <c>em-25-eligible</c> set; NCCI Policy Manual ch. XI, domain.md §9.3).</summary>
    public static bool Takes25(HcpcsCode code) => Eligible25.Contains(code);
}
