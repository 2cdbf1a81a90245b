using System.Collections.Immutable;

namespace Scrubber.Audit.Reports;

/// <summary>A payer rule the history says is missing, drafted in the pack format, with its evidence and a replay.</summary>
/// <param name="PayerId">The payer.</param>
/// <param name="Column1">The code the denied code was bundled into (the other line the same day).</param>
/// <param name="Column2">The denied code.</param>
/// <param name="Modifiers">The modifiers the denied lines carried ("" when none): what the payer keeps refusing.</param>
/// <param name="Kind">"missed bundle" (nothing warned) or "modifier refused" (a bypass the payer did not accept).</param>
/// <param name="Support">Denials behind the proposal.</param>
/// <param name="DollarsDenied">Their CARC 97/236 amounts.</param>
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
    int WouldHaveFlaggedPaid);
