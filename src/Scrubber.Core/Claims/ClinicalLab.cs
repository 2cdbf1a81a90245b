using Scrubber.Core.CodeSets;

namespace Scrubber.Core.Claims;

/// <summary>Clinical laboratory tests: the <c>clinical-lab</c> code set (rules/codesets/clinical-lab.json). A test
/// repeated on the same day for a new result is marked 91, not 59.</summary>
public static class ClinicalLab
{
    private static readonly CodeSet Set = CodeSetCatalog.Default["clinical-lab"];

    /// <summary>Whether <paramref name="code"/> is a clinical laboratory test.</summary>
    public static bool Contains(HcpcsCode code) => Set.Contains(code);
}
