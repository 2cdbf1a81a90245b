namespace Scrubber.Core.Claims;

/// <summary>CLM05-3, the claim frequency: a first claim, or one that replaces or voids an earlier claim (domain.md §9.2).</summary>
public enum ClaimFrequency
{
    /// <summary>1: an original claim.</summary>
    Original,

    /// <summary>7: replaces an earlier claim whole, every line; its lines stand in history in place of the earlier ones.</summary>
    Replacement,

    /// <summary>8: voids an earlier claim; it takes that claim out of history.</summary>
    Void,
}
