using System.Collections.Immutable;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Scrubbing;

/// <summary>One finding on a claim: what fired, on which lines, how serious, and what to do about it.</summary>
/// <param name="EditType">One of <see cref="EditTypes"/> (or a payer rule's type).</param>
/// <param name="Severity">How much it blocks.</param>
/// <param name="LineId">The line to act on (for a PTP edit within a claim, the column 2 line).</param>
/// <param name="RelatedLineId">The other line of the pair, or empty.</param>
/// <param name="Column1Code">The column 1 code of the pair, or empty.</param>
/// <param name="Column2Code">The column 2 code of the pair, or empty.</param>
/// <param name="ModifierIndicator">The NCCI modifier indicator (0 or 1), or null when no table row is involved.</param>
/// <param name="SuggestedModifiers">Modifiers to consider, best first.</param>
/// <param name="Message">Plain English for the coder.</param>
/// <param name="Source">The table version, or pack id@version and rule name.</param>
public sealed record Edit(
    string EditType,
    Severity Severity,
    string LineId,
    string RelatedLineId,
    string Column1Code,
    string Column2Code,
    int? ModifierIndicator,
    ImmutableArray<SuggestedModifier> SuggestedModifiers,
    string Message,
    string Source)
{
    /// <summary>What to do about it; every edit says, so a PM system can act without parsing <see cref="Message"/>.</summary>
    public required RecommendedAction Action { get; init; }

    /// <summary>The NCCI table row that fired, when one did.</summary>
    public PtpMatch? Row { get; init; }

    /// <summary>The MUE row that fired, for an MUE edit.</summary>
    public Mue.MueMatch? Mue { get; init; }

    /// <summary>For a bypassed edit: the modifier that bypassed it.</summary>
    public string? BypassModifier { get; init; }

    /// <summary>For an edit a payer rule raised: the rule's name.</summary>
    public string? Rule { get; init; }

    /// <summary>For a pair with a line of an earlier claim: that claim's id (<see cref="RelatedLineId"/> is its line).</summary>
    public string? RelatedClaimId { get; init; }
}
