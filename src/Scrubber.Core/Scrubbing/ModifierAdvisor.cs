using System.Collections.Immutable;
using Scrubber.Core.Claims;

namespace Scrubber.Core.Scrubbing;

/// <summary>Which modifier could bypass an indicator-1 edit, best first, with when each is right.</summary>
/// <remarks>
/// An E/M paired with a procedure takes 25 on the E/M. Two procedures take the most specific distinct-service
/// modifier that fits: XP when different practitioners rendered them, XS when the lines show different sites, then
/// XE and XU, and 59 last (CMS: 59 only when no more specific modifier describes the service). A payer that does not
/// accept X modifiers gets 59 alone.
/// </remarks>
internal static class ModifierAdvisor
{
    public static ImmutableArray<SuggestedModifier> Suggest(ClaimLine column1, ClaimLine column2, in PairContext context)
    {
        bool em1 = column1.Code.IsEvaluationAndManagement, em2 = column2.Code.IsEvaluationAndManagement;
        if (em1 != em2)
        {
            var em = em1 ? column1 : column2;
            var procedure = em1 ? column2 : column1;
            return
            [
                new SuggestedModifier("25", em.LineId,
                    $"The E/M on {context.Name(em)} was significant and separately identifiable from {procedure.Code} " +
                    "(its own history, exam or decision-making beyond the usual pre- and post-procedure work).") { ClaimId = context.ClaimOf(em) },
            ];
        }

        if (em1)
        {
            return context.Setting == CareSetting.OutpatientHospital
                ? [new SuggestedModifier("27", column2.LineId, "The patient had a separate outpatient hospital E/M encounter the same day.") { ClaimId = context.ClaimOf(column2) }]
                : [];
        }

        return SuggestForProcedures(column1, column2, context);
    }

    /// <summary>What the medical record must show for a bypass modifier, for the audit note of a bypassed edit.</summary>
    public static string WhatItAttests(string modifier) => modifier switch
    {
        "25" => "a significant, separately identifiable E/M service",
        "57" => "that this E/M led to the decision for major surgery",
        "24" => "an E/M unrelated to the surgery whose postoperative period it falls in",
        "27" => "a separate outpatient hospital E/M encounter",
        "58" => "a staged or related procedure in the postoperative period",
        "78" => "an unplanned return to the operating room for a related procedure",
        "79" => "a procedure unrelated to the one whose postoperative period it falls in",
        "XE" => "a separate encounter",
        "XS" => "a separate organ or structure",
        "XP" => "a different practitioner",
        "XU" => "a service that does not overlap the usual components of the other",
        "59" => "a distinct procedural service that no X modifier describes",
        "91" => "a repeat clinical laboratory test for a new result",
        _ => "a separate anatomic site",
    };

    public static ImmutableArray<SuggestedModifier> SuggestForProcedures(ClaimLine column1, ClaimLine column2, in PairContext context)
    {
        var target = column2.LineId;
        var claim = context.ClaimOf(column2);
        var fits = new List<SuggestedModifier>(5);
        foreach (var modifier in context.Policy.Modifiers.Preference)
        {
            var reason = modifier switch
            {
                "XP" when DifferentRenderers(column1, column2, context) =>
                    $"Different practitioners rendered the lines (NPI {column1.RenderingProviderNpi} and {column2.RenderingProviderNpi}).",
                "XS" when SiteIndicated(column1, column2) =>
                    $"The lines show anatomic sites: if {column2.Code} was on a separate organ or structure, XS (or the site modifiers of both lines) shows it.",
                "XE" =>
                    $"{column2.Code} was performed at a separate encounter on the same date (a separate visit, not the same session).",
                "XU" =>
                    $"{column2.Code} is distinct because it does not overlap the usual components of {column1.Code}, and no other X modifier fits.",
                _ => null,
            };
            if (reason is not null)
            {
                fits.Add(new SuggestedModifier(modifier, target, reason) { ClaimId = claim });
            }
        }

        var fiftyNine = new SuggestedModifier("59", target,
            context.Policy.Modifiers.AcceptsXModifiers
                ? "Distinct procedural service, only when none of the X modifiers describes it (CMS prefers the X modifiers)."
                : $"Distinct procedural service: this payer does not accept X modifiers, so 59 shows a separate session, site or practitioner.")
        {
            ClaimId = claim,
        };
        return context.Policy.Modifiers.AcceptsXModifiers ? [.. fits, fiftyNine] : [fiftyNine];
    }

    private static bool DifferentRenderers(ClaimLine column1, ClaimLine column2, in PairContext context) =>
        context.Scope == ProviderScope.BillingNpi &&
        column1.RenderingProviderNpi.Length > 0 && column2.RenderingProviderNpi.Length > 0 &&
        !string.Equals(column1.RenderingProviderNpi, column2.RenderingProviderNpi, StringComparison.Ordinal);

    private static bool SiteIndicated(ClaimLine column1, ClaimLine column2) =>
        column1.Modifiers.Any(NcciModifiers.Anatomic.Contains) || column2.Modifiers.Any(NcciModifiers.Anatomic.Contains);
}
