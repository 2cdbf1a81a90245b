using System.Collections.Immutable;
using Scrubber.Core.Claims;

namespace Scrubber.Core.Scrubbing;

/// <summary>Which modifier could bypass an indicator-1 edit, best first, with when each is right.</summary>
/// <remarks>
/// Advice always goes on the column 2 line, the one the payer denies. A column 2 visit (an E/M or a general eye exam,
/// the <c>em-25-eligible</c> set) beside a procedure takes 25. A column 2 procedure takes the most specific
/// distinct-service modifier the claim's facts support: XP when different practitioners rendered the lines, XS when a
/// separate site is plausible (first when the lines' sites differ), then XE and XU, and 59 last (CMS: 59 only when no
/// more specific modifier describes the service), or 91 for a repeated laboratory test. A payer that does not accept
/// X modifiers gets 59 (or 91) alone.
/// </remarks>
internal static class ModifierAdvisor
{
    public static ImmutableArray<SuggestedModifier> Suggest(ClaimLine column1, ClaimLine column2, in PairContext context)
    {
        bool visit1 = column1.Code.Takes25, visit2 = column2.Code.Takes25;
        if (visit2 && !visit1)
        {
            return
            [
                new SuggestedModifier("25", column2.LineId,
                    $"The visit on {context.Name(column2)} was significant and separately identifiable from {column1.Code} " +
                    "(its own history, exam or decision-making beyond the usual pre- and post-procedure work).") { ClaimId = context.ClaimOf(column2) },
            ];
        }

        // A procedure bundled into a visit (99291 with 36000): the procedure is the line denied, so any advice goes on
        // it, and 25 on the visit would bypass nothing.
        if (visit1 && !visit2)
        {
            return SuggestForProcedures(column1, column2, context);
        }

        if (visit1)
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

    /// <summary>Distinct-service modifiers for the column 2 procedure, from the claim's facts: XP only when the
    /// rendering providers differ, XS when a separate site is plausible (first when the lines' sites differ), XE and XU,
    /// then 59, or 91 for a repeated clinical laboratory test.</summary>
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
                "XS" when SitesDiffer(column1, column2) =>
                    $"The lines name different sites ({Sites(column1)} and {Sites(column2)}): if {column2.Code} was on a separate organ or structure, XS shows it.",
                "XS" when SitePlausible(column1, column2) =>
                    $"If {column2.Code} was on a separate organ or structure (another lesion, limb or site), XS (or the site modifiers of both lines) shows it.",
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

        if (SitesDiffer(column1, column2) && fits.FindIndex(f => f.Modifier == "XS") is > 0 and var xs)
        {
            var first = fits[xs];
            fits.RemoveAt(xs);
            fits.Insert(0, first);
        }

        var last = column2.Code.IsClinicalLab
            ? new SuggestedModifier("91", target,
                $"Only if {column2.Code} was repeated on the same day to obtain a new result (not to confirm or rerun a failed test).") { ClaimId = claim }
            : new SuggestedModifier("59", target,
                context.Policy.Modifiers.AcceptsXModifiers
                    ? "Distinct procedural service, only when none of the X modifiers describes it (CMS prefers the X modifiers)."
                    : $"Distinct procedural service: this payer does not accept X modifiers, so 59 shows a separate session, site or practitioner.")
            {
                ClaimId = claim,
            };
        return context.Policy.Modifiers.AcceptsXModifiers ? [.. fits, last] : [last];
    }

    /// <summary>Whether the lines are rendered by different practitioners, which only a billing-NPI scope can pair.</summary>
    public static bool DifferentRenderers(ClaimLine column1, ClaimLine column2, in PairContext context) =>
        context.Scope == ProviderScope.BillingNpi &&
        column1.RenderingProviderNpi.Length > 0 && column2.RenderingProviderNpi.Length > 0 &&
        !string.Equals(column1.RenderingProviderNpi, column2.RenderingProviderNpi, StringComparison.Ordinal);

    /// <summary>The lines' site modifiers differ (a site on one line only, or other sites): a separate site is the
    /// likeliest distinction.</summary>
    private static bool SitesDiffer(ClaimLine column1, ClaimLine column2) =>
        HasSiteTheOtherLacks(column1, column2) || HasSiteTheOtherLacks(column2, column1);

    /// <summary>A separate site is plausible when a line names one, or when both are procedures done on one site (the
    /// <c>separate-site-procedures</c> set: two excisions, a surgical and a selective debridement), which can be on
    /// different lesions, structures or wounds.</summary>
    private static bool SitePlausible(ClaimLine column1, ClaimLine column2) =>
        HasSite(column1) || HasSite(column2) || (column1.Code.IsSiteBound && column2.Code.IsSiteBound);

    // Plain loops rather than LINQ: advice is built for every edit on the hot path of a scrub.
    private static bool HasSiteTheOtherLacks(ClaimLine line, ClaimLine other)
    {
        foreach (var modifier in line.Modifiers)
        {
            if (NcciModifiers.Anatomic.Contains(modifier) && !other.HasModifier(modifier))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSite(ClaimLine line)
    {
        foreach (var modifier in line.Modifiers)
        {
            if (NcciModifiers.Anatomic.Contains(modifier))
            {
                return true;
            }
        }

        return false;
    }

    private static string Sites(ClaimLine line) =>
        HasSite(line) ? string.Join("/", line.Modifiers.Where(NcciModifiers.Anatomic.Contains)) : "none";
}
