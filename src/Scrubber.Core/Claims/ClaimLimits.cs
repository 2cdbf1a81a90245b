namespace Scrubber.Core.Claims;

/// <summary>How much of a claim <see cref="ClaimValidator"/> reads before refusing it.</summary>
/// <param name="MaxLines">Most lines a claim may have (setting <c>Scrub:MaxLinesPerClaim</c>).</param>
/// <param name="MaxFieldLength">Longest string any field may hold, in characters (setting <c>Scrub:MaxFieldLength</c>);
/// fields with tighter 837 limits (CLM01, REF*6R, codes) keep those.</param>
public sealed record ClaimLimits(int MaxLines, int MaxFieldLength)
{
    /// <summary>80 characters: the longest identifier the 837P carries (NM109), so no valid claim is refused by it.</summary>
    public const int DefaultMaxFieldLength = 80;

    public static ClaimLimits Default { get; } = new(50, DefaultMaxFieldLength);
}
