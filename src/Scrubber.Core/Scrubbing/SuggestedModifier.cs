namespace Scrubber.Core.Scrubbing;

/// <summary>A modifier to consider, the line it goes on, and when it is right, in words a coder uses.</summary>
/// <param name="Modifier">The modifier.</param>
/// <param name="LineId">A line of <see cref="ClaimId"/>.</param>
/// <param name="Reason">When it is right.</param>
public sealed record SuggestedModifier(string Modifier, string LineId, string Reason)
{
    /// <summary>The claim whose line gets the modifier: the claim scrubbed, or an earlier one to replace.</summary>
    public string ClaimId { get; init; } = string.Empty;
}
