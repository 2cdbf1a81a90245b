using Scrubber.Core.CodeSets;

namespace Scrubber.Core.Claims;

/// <summary>Which procedure codes are evaluation and management (E/M) services, and of which category: the <c>em</c>
/// code set (rules/codesets/em.json), which lists CPT 99202–99499 by category and the HCPCS visits CMS treats as E/M.</summary>
public static class EvaluationAndManagement
{
    private static readonly CodeSet Set = CodeSetCatalog.Default["em"];

    /// <summary>Whether <paramref name="code"/> is an E/M service.</summary>
    public static bool Contains(HcpcsCode code) => Set.Contains(code);

    /// <summary>The E/M category of <paramref name="code"/> (office-established, emergency, …), or null for a non-E/M code.</summary>
    public static string? CategoryOf(HcpcsCode code) => Set.CategoryOf(code);
}
