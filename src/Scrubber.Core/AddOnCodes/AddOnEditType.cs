namespace Scrubber.Core.AddOnCodes;

/// <summary>The CMS AOC edit type of an add-on code: who says which primaries it may be billed with (domain.md §4).
/// The numbers are the file's.</summary>
public enum AddOnEditType
{
    /// <summary>Type 1: CPT or HCPCS list every eligible primary, and contractors accept no other.</summary>
    ListedPrimariesOnly = 1,

    /// <summary>Type 2: no primary is listed (the file writes <c>CCCCC</c>); each contractor keeps its own list.</summary>
    ContractorPrimaries = 2,

    /// <summary>Type 3: some primaries are listed, and contractors may accept more.</summary>
    ListedAndContractorPrimaries = 3,
}
