using Scrubber.Core.CodeSets;

namespace Scrubber.Core.Claims;

/// <summary>Procedures done on one organ, structure or wound: the <c>separate-site-procedures</c> code set
/// (rules/codesets/separate-site-procedures.json). Two of them bundled on one day may have been on separate sites, which
/// XS shows.</summary>
public static class SeparateSiteProcedures
{
    private static readonly CodeSet Set = CodeSetCatalog.Default["separate-site-procedures"];

    /// <summary>Whether <paramref name="code"/> is done on one site.</summary>
    public static bool Contains(HcpcsCode code) => Set.Contains(code);
}
