namespace Scrubber.Core.Scrubbing;

/// <summary>A modifier to consider, the line it goes on, and when it is right, in words a coder uses.</summary>
public sealed record SuggestedModifier(string Modifier, string LineId, string Reason);
