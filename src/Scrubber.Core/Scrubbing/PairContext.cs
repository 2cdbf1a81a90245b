using Scrubber.Core.Claims;

namespace Scrubber.Core.Scrubbing;

/// <summary>What a pair's evaluation needs to know about the claim and the policy in force.</summary>
/// <param name="Setting">Professional or outpatient hospital (27 is an outpatient hospital modifier).</param>
/// <param name="Scope">The provider scope the pair formed under.</param>
/// <param name="Policy">The settings and the payer's pack policy.</param>
internal readonly record struct PairContext(CareSetting Setting, ProviderScope Scope, ScrubPolicy Policy)
{
    /// <summary>The claim being scrubbed, named on the suggestions for its lines.</summary>
    public string ClaimId { get; init; } = string.Empty;

    /// <summary>For a pair across claims: the line already sent on an earlier claim; null within one claim.</summary>
    public PriorLine? Earlier { get; init; }

    /// <summary>Whether <paramref name="line"/> is the earlier claim's line (by reference: line ids may collide).</summary>
    public bool IsEarlier(ClaimLine line) => Earlier is { } earlier && ReferenceEquals(earlier.Line, line);

    /// <summary>The claim a suggestion for <paramref name="line"/> belongs to: the earlier claim's id, or the claim
    /// being scrubbed.</summary>
    public string ClaimOf(ClaimLine line) => IsEarlier(line) ? Earlier!.ClaimId : ClaimId;

    /// <summary>How messages name a line: "line 2", or "line 1 of claim A-1, already sent" for the earlier claim's.</summary>
    public string Name(ClaimLine line) =>
        IsEarlier(line) ? $"line {line.LineId} of claim {Earlier!.ClaimId}, already sent" : $"line {line.LineId}";
}
