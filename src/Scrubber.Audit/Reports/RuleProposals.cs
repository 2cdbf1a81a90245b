using System.Globalization;
using Scrubber.Audit.Outcomes;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Packs;

namespace Scrubber.Audit.Reports;

/// <summary>Drafts payer rules from the denials nothing caught and the modifiers a payer keeps refusing, and replays
/// each draft over the recorded history. Nothing is added to a pack: a person reviews and publishes.</summary>
/// <remarks>
/// Bundling: a missed bundle (a pair rule) or a refused modifier. Units: a code the payer denied for units (CARC 151 +
/// N362) with no MUE edit on the line: a line rule flagging more units than the payer has been seen to pay. Add-on: an
/// add-on the payer denied B15 with no add-on edit on the line: a line rule flagging the add-on without a primary the
/// payer has paid it beside. Units and add-on denials an MUE or add-on edit warned of draw no proposal: the scrubber
/// already flags them, and a pack rule would only repeat the edit. Duplicate denials (CARC 18) draw none either: the
/// DUPLICATE_SERVICE edit compares claims already sent, which a pack rule, seeing one claim, cannot. Units and add-on
/// proposals follow the report's families (both are covered by default); bundling proposals are made whatever they are.
/// </remarks>
public static class RuleProposals
{
    /// <summary>The default number of denials a (payer, pair, modifiers) or (payer, code) needs before a rule is proposed.</summary>
    public const int DefaultMinimumSupport = 3;

    /// <summary>A bundle nothing warned of: a pair rule.</summary>
    public const string MissedBundle = "missed bundle";

    /// <summary>A bypass modifier the payer did not accept: a pair rule.</summary>
    public const string ModifierRefused = "modifier refused";

    /// <summary>A code denied for units with no MUE edit: a line rule on its units.</summary>
    public const string UnitsOverLimit = "units over limit";

    /// <summary>An add-on denied B15 with no add-on edit: a line rule on its primary.</summary>
    public const string AddOnWithoutPrimary = "add-on without primary";

    private static readonly string[] DistinctModifiers = ["XE", "XS", "XP", "XU", "59"];

    public static IReadOnlyList<RuleProposal> Compute(IReadOnlyList<DeniedLine> lines, ReportFilter filter, int minimumSupport = DefaultMinimumSupport)
    {
        var bundling = lines.Where(l => l.Family == DenialFamilies.Bundling && filter.Covers(l)).ToList();

        // A refused modifier names its pair through the edit that was bypassed.
        var refused = bundling.Where(l => l.Edit is { Fate: "overridden_by_modifier" } && l.Pair is not null)
            .Select(l => (Line: l, Column1: l.Pair!.Value.Column1, Modifiers: l.Edit!.BypassModifier, Kind: ModifierRefused));

        // A missed bundle has no pair of its own: each code billed the same day is a candidate column 1, and only a
        // candidate that stood beside enough of the denials is proposed. The pair comes from the evidence, never a guess.
        var missed = bundling.Where(l => l.Edit is null)
            .SelectMany(l => l.SameDayCodes.Distinct().Select(other => (Line: l, Column1: other, Modifiers: string.Empty, Kind: MissedBundle)));
        var pairs = refused.Concat(missed)
            .GroupBy(c => (c.Line.PayerId, c.Column1, Column2: c.Line.Code, c.Modifiers, c.Kind))
            .Where(g => g.Count() >= minimumSupport)
            .Select(g => Propose(g.Key.PayerId, g.Key.Column1, g.Key.Column2, g.Key.Modifiers, g.Key.Kind, [.. g.Select(c => c.Line)], lines));

        // Units and add-on denials are about one code: a line rule on the code, from the denials no edit caught.
        var codes = lines.Where(l => l.Edit is null && filter.CountsDenial(l) && l.Family is DenialFamilies.Units or DenialFamilies.AddOn)
            .GroupBy(l => (l.PayerId, l.Code, Family: l.Family!))
            .Where(g => g.Count() >= minimumSupport)
            .Select(g => g.Key.Family == DenialFamilies.Units
                ? ProposeUnits(g.Key.PayerId, g.Key.Code, [.. g], lines)
                : ProposeAddOn(g.Key.PayerId, g.Key.Code, [.. g], lines));
        return
        [
            .. pairs.Concat(codes)
                .OrderByDescending(p => p.DollarsDenied).ThenBy(p => p.PayerId, StringComparer.Ordinal)
                .ThenBy(p => p.Column1, StringComparer.Ordinal).ThenBy(p => p.Column2, StringComparer.Ordinal),
        ];
    }

    /// <summary>The limit is the most units the payer paid on a line of the code below the fewest it denied; with no
    /// such payment, the whole number below the fewest denied (0: the payer has paid no units of it so far). Lines
    /// are compared one by one, as an MAI 1 MUE is; a day's total over several lines is not a line rule's to sum.</summary>
    private static RuleProposal ProposeUnits(string payer, string code, List<DeniedLine> denials, IReadOnlyList<DeniedLine> history)
    {
        var fewestDenied = denials.Min(l => l.Units);
        var paid = history.Where(l => l.PayerId == payer && l.Code == code && l.Paid && l.Family is null && l.Units < fewestDenied).ToList();
        var limit = paid.Count > 0 ? paid.Max(l => l.Units) : Math.Ceiling(fewestDenied) - 1;
        var text = Number(limit);
        var seen = paid.Count > 0
            ? $"paid up to {text} units of {code} on a line and denied {Number(fewestDenied)} or more"
            : $"denied {code} from {Number(fewestDenied)} units on a line and paid none with fewer";
        var rule = new RuleDocument
        {
            Name = Slug($"units-{code}-over-{text}"),
            Description = $"Proposed from {payer} remittances: this payer {seen} (CARC 151, RARC N362), and no MUE edit warned.",
            Scope = RuleScope.Line,
            Codes = [code],
            Expression = $"line.Units > {text}",
            Edit = new EditDocument
            {
                Type = "PAYER_UNITS_LIMIT",
                Severity = EditSeverity.Warning,
                Message = limit > 0
                    ? $"This payer pays at most {text} units of {{line.Code}} on a line (line {{line.LineId}} has more): bill the units the record supports within the limit, or expect a CARC 151 denial the patient cannot be billed for."
                    : "This payer has paid no units of {line.Code} so far (line {line.LineId}): check its policy before sending.",
            },
        };
        var flagged = history.Where(l => l.PayerId == payer && l.Code == code && l.Units > limit).ToList();
        return Proposal(payer, string.Empty, code, UnitsOverLimit, denials, rule, flagged) with { UnitLimit = limit };
    }

    /// <summary>The primaries are the codes billed the same day beside the add-on on the lines the payer paid, and
    /// beside none it denied. With none, the rule flags every line of the add-on for this payer, for a person to weigh.</summary>
    private static RuleProposal ProposeAddOn(string payer, string code, List<DeniedLine> denials, IReadOnlyList<DeniedLine> history)
    {
        var besideDenied = denials.SelectMany(l => l.SameDayCodes).ToHashSet(StringComparer.Ordinal);
        string[] primaries = [.. history.Where(l => l.PayerId == payer && l.Code == code && l.Paid && l.Family is null)
            .SelectMany(l => l.SameDayCodes).Where(c => !besideDenied.Contains(c)).Distinct().Order(StringComparer.Ordinal)];
        var list = string.Join(' ', primaries);
        var rule = new RuleDocument
        {
            Name = Slug($"add-on-{code}-needs-primary"),
            Description = primaries.Length > 0
                ? $"Proposed from {payer} remittances: add-on {code} denied B15 without a primary, and paid beside {list}; no add-on edit warned."
                : $"Proposed from {payer} remittances: add-on {code} denied B15 beside every code billed with it so far; no add-on edit warned.",
            Scope = RuleScope.Line,
            Codes = [code],
            Expression = primaries.Length > 0 ? $"!line.SameDayHasCode(\"{list}\")" : "true",
            Edit = new EditDocument
            {
                Type = "PAYER_ADD_ON_WITHOUT_BASE",
                Severity = EditSeverity.Warning,
                Message = primaries.Length > 0
                    ? $"Add-on {{line.Code}} (line {{line.LineId}}) is paid by this payer only with its primary service ({list}) by the same provider on the same day: add the primary, or drop the add-on."
                    : "Add-on {line.Code} (line {line.LineId}) has been denied by this payer with every primary billed beside it so far: check which primary it accepts before sending.",
            },
        };
        var flagged = history.Where(l => l.PayerId == payer && l.Code == code && !l.SameDayCodes.Any(primaries.Contains)).ToList();
        return Proposal(payer, string.Empty, code, AddOnWithoutPrimary, denials, rule, flagged) with { PrimaryCodes = [.. primaries] };
    }

    private static RuleProposal Proposal(string payer, string column1, string column2, string kind, List<DeniedLine> denials, RuleDocument rule, List<DeniedLine> flagged) =>
        new(payer, column1, column2, string.Empty, kind, denials.Count, Money.ToDollars(denials.Sum(l => l.DeniedCents)),
            [.. denials.Select(l => $"{l.ClaimId}/{l.LineId}").Order(StringComparer.Ordinal)], PackFormat.Write(rule), flagged.Count, flagged.Count(l => l.Paid));

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static RuleProposal Propose(string payer, string column1, string column2, string modifiers, string kind, List<DeniedLine> denials, IReadOnlyList<DeniedLine> history)
    {
        var rule = kind == MissedBundle ? DraftMissedBundle(payer, column1, column2) : RefusedModifier(payer, column1, column2, modifiers);
        var flagged = history.Where(l => l.PayerId == payer && l.Code == column2 && l.SameDayCodes.Contains(column1) && WouldFire(kind, modifiers, l)).ToList();
        return new RuleProposal(payer, column1, column2, modifiers, kind, denials.Count, Money.ToDollars(denials.Sum(l => l.DeniedCents)),
            [.. denials.Select(l => $"{l.ClaimId}/{l.LineId}").Order(StringComparer.Ordinal)], PackFormat.Write(rule), flagged.Count, flagged.Count(l => l.Paid));
    }

    /// <summary>The same logic as the drafted expressions, run over history for the replay.</summary>
    private static bool WouldFire(string kind, string modifiers, DeniedLine line) =>
        kind == MissedBundle
            ? !line.Modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(DistinctModifiers.Contains)
            : line.Modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(modifiers.Split(' ')[0]);

    private static RuleDocument DraftMissedBundle(string payer, string column1, string column2) => new()
    {
        Name = Slug($"bundle-{column2}-into-{column1}"),
        Description = $"Proposed from {payer} remittances: {column2} denied CO-97 when billed with {column1}, and nothing warned.",
        Scope = RuleScope.Pair,
        Codes = [column2],
        OtherCodes = [column1],
        Expression = "!line.HasAnyModifier(\"XE XS XP XU 59\")",
        Edit = new EditDocument
        {
            Type = "PAYER_BUNDLE",
            Severity = EditSeverity.Warning,
            Message = "This payer bundles {line.Code} (line {line.LineId}) into {other.Code} (line {other.LineId}) on the same day unless the record shows a distinct service.",
            Suggest = [new SuggestionDocument { Modifier = "XU", On = "line", Reason = "Only if the service was distinct and did not overlap the other service." }],
        },
    };

    private static RuleDocument RefusedModifier(string payer, string column1, string column2, string modifiers)
    {
        var refused = modifiers.Split(' ')[0];
        return new RuleDocument
        {
            Name = Slug($"{refused}-refused-{column2}-with-{column1}"),
            Description = $"Proposed from {payer} remittances: {column2} with {refused} denied CO-97 alongside {column1}; this payer does not accept {refused} for the pair.",
            Scope = RuleScope.Pair,
            Codes = [column2],
            OtherCodes = [column1],
            Expression = string.Create(CultureInfo.InvariantCulture, $"line.HasModifier(\"{refused}\")"),
            Edit = new EditDocument
            {
                Type = "PAYER_MODIFIER_REFUSED",
                Severity = EditSeverity.Warning,
                Message = $"This payer keeps denying {{line.Code}} with {refused} alongside {{other.Code}}: check the record, a different modifier, or whether to bill {{line.Code}} at all.",
            },
        };
    }

    /// <summary>A rule name: lower-case letters, digits and dashes (a fractional unit limit's point becomes a dash).</summary>
    private static string Slug(string text) => new([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
