namespace Scrubber.Core.Packs;

/// <summary>How far back the history helpers of pack rules (<c>TimesBilled</c>, <c>UnitsBilledOn</c>, <c>LastBilled</c>) see.</summary>
public static class PackHistory
{
    /// <summary>366 days before the claim's earliest date of service: a year, leap day included, covers the annual
    /// frequency limits payers write (once in 12 months), and bounds the one read a claim makes.</summary>
    public const int LookBackDays = 366;
}
