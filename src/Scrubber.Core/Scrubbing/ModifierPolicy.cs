using System.Collections.Immutable;

namespace Scrubber.Core.Scrubbing;

/// <summary>Which distinct-service modifiers a payer takes and in which order to suggest them.</summary>
/// <param name="AcceptsXModifiers">Whether the payer accepts XE/XS/XP/XU. When false, 59 is suggested instead.</param>
/// <param name="Preference">The X modifiers in the order the payer prefers them; those that fit are suggested in this order.</param>
public sealed record ModifierPolicy(bool AcceptsXModifiers, ImmutableArray<string> Preference)
{
    /// <summary>Medicare's policy: X modifiers accepted and preferred to 59, the most specific first.</summary>
    public static ModifierPolicy Medicare { get; } = new(true, ["XP", "XS", "XE", "XU"]);
}
