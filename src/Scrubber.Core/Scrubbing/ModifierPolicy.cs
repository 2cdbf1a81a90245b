using System.Collections.Immutable;

namespace Scrubber.Core.Scrubbing;

/// <summary>Which distinct-service modifiers a payer takes and in which order to suggest them.</summary>
/// <param name="AcceptsXModifiers">Whether the payer accepts XE/XS/XP/XU. When false, 59 is suggested instead and an
/// X modifier does not bypass an edit.</param>
/// <param name="Preference">The X modifiers in the order the payer prefers them; those that fit are suggested in this order.</param>
/// <param name="PrefersXOver59">Whether 59 used where an X modifier fits draws a warning.</param>
public sealed record ModifierPolicy(bool AcceptsXModifiers, ImmutableArray<string> Preference, bool PrefersXOver59 = false)
{
    /// <summary>Medicare's policy: X modifiers accepted and suggested before 59, the most specific first.</summary>
    public static ModifierPolicy Medicare { get; } = new(true, ["XP", "XS", "XE", "XU"]);
}
