using System.Globalization;
using Scrubber.Audit.Outcomes;
using Scrubber.Core.Packs;
using Scrubber.Core.Packs.Documents;

namespace Scrubber.Audit.Reports;

/// <summary>Drafts payer rules from the denials nothing caught and the modifiers a payer keeps refusing, and replays
/// each draft over the recorded history. Nothing is added to a pack: a person reviews and publishes.</summary>
public static class RuleProposals
{
    /// <summary>The default number of denials a (payer, pair, modifiers) needs before a rule is proposed.</summary>
    public const int DefaultMinimumSupport = 3;

    private static readonly string[] DistinctModifiers = ["XE", "XS", "XP", "XU", "59"];

    public static IReadOnlyList<RuleProposal> Compute(IReadOnlyList<DeniedLine> lines, ReportFilter filter, int minimumSupport = DefaultMinimumSupport)
    {
        var bundling = lines.Where(l => l.Family == DenialFamilies.Bundling && filter.Covers(l)).ToList();

        // A refused modifier names its pair through the edit that was bypassed.
        var refused = bundling.Where(l => l.Edit is { Fate: "overridden_by_modifier" } && l.Pair is not null)
            .Select(l => (Line: l, Column1: l.Pair!.Value.Column1, Modifiers: l.Edit!.BypassModifier, Kind: "modifier refused"));

        // A missed bundle has no pair of its own: each code billed the same day is a candidate column 1, and only a
        // candidate that stood beside enough of the denials is proposed. The pair comes from the evidence, never a guess.
        var missed = bundling.Where(l => l.Edit is null)
            .SelectMany(l => l.SameDayCodes.Distinct().Select(other => (Line: l, Column1: other, Modifiers: string.Empty, Kind: "missed bundle")));
        return
        [
            .. refused.Concat(missed)
                .GroupBy(c => (c.Line.PayerId, c.Column1, Column2: c.Line.Code, c.Modifiers, c.Kind))
                .Where(g => g.Count() >= minimumSupport)
                .Select(g => Propose(g.Key.PayerId, g.Key.Column1, g.Key.Column2, g.Key.Modifiers, g.Key.Kind, [.. g.Select(c => c.Line)], lines))
                .OrderByDescending(p => p.DollarsDenied).ThenBy(p => p.PayerId, StringComparer.Ordinal)
                .ThenBy(p => p.Column1, StringComparer.Ordinal).ThenBy(p => p.Column2, StringComparer.Ordinal),
        ];
    }

    private static RuleProposal Propose(string payer, string column1, string column2, string modifiers, string kind, List<DeniedLine> denials, IReadOnlyList<DeniedLine> history)
    {
        var rule = kind == "missed bundle" ? MissedBundle(payer, column1, column2) : RefusedModifier(payer, column1, column2, modifiers);
        var flagged = history.Where(l => l.PayerId == payer && l.Code == column2 && l.SameDayCodes.Contains(column1) && WouldFire(kind, modifiers, l)).ToList();
        return new RuleProposal(payer, column1, column2, modifiers, kind, denials.Count, Money.ToDollars(denials.Sum(l => l.DeniedCents)),
            [.. denials.Select(l => $"{l.ClaimId}/{l.LineId}").Order(StringComparer.Ordinal)], PackFormat.Write(rule), flagged.Count, flagged.Count(l => l.Paid));
    }

    /// <summary>The same logic as the drafted expressions, run over history for the replay.</summary>
    private static bool WouldFire(string kind, string modifiers, DeniedLine line) =>
        kind == "missed bundle"
            ? !line.Modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(DistinctModifiers.Contains)
            : line.Modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(modifiers.Split(' ')[0]);

    private static RuleDocument MissedBundle(string payer, string column1, string column2) => new()
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

    private static string Slug(string text) => text.ToLowerInvariant();
}
