using System.Collections.Immutable;

namespace Scrubber.Audit.Reports;

/// <summary>A payer rule the history says is missing, drafted in the pack format, with its evidence and a replay.</summary>
/// <param name="PayerId">The payer.</param>
/// <param name="Column1">The code the denied code was bundled into (the other line the same day); empty for a units or
/// add-on proposal, which is about one code.</param>
/// <param name="Column2">The denied code.</param>
/// <param name="Modifiers">The modifiers the denied lines carried ("" when none): what the payer keeps refusing.</param>
/// <param name="Kind">"missed bundle" (nothing warned), "modifier refused" (a bypass the payer did not accept), "units
/// over limit" (a units denial no MUE edit warned of) or "add-on without primary" (a B15 denial no add-on edit warned of).</param>
/// <param name="Support">Denials behind the proposal.</param>
/// <param name="DollarsDenied">Their amounts of the family (CARC 97/236/234, 151, B15).</param>
/// <param name="ClaimLines">The claim/line ids of the denials.</param>
/// <param name="RuleJson">The drafted rule, ready to paste into the payer's pack.json (then add an example and run rules test).</param>
/// <param name="WouldHaveFlagged">Past sent lines of this payer the rule would have flagged.</param>
/// <param name="WouldHaveFlaggedPaid">Of those, lines the payer paid: the rule's false positives.</param>
public sealed record RuleProposal(
    string PayerId,
    string Column1,
    string Column2,
    string Modifiers,
    string Kind,
    int Support,
    decimal DollarsDenied,
    ImmutableArray<string> ClaimLines,
    string RuleJson,
    int WouldHaveFlagged,
    int WouldHaveFlaggedPaid)
{
    /// <summary>For "units over limit": the most units per line the rule lets through (the most the payer was seen to
    /// pay below what it denied); null for other kinds.</summary>
    public double? UnitLimit { get; init; }

    /// <summary>For "add-on without primary": the codes the payer paid the add-on beside (none: the rule flags every
    /// line of the add-on); empty for other kinds.</summary>
    public ImmutableArray<string> PrimaryCodes { get; init; } = [];
}
