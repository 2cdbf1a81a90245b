using System.Collections.Immutable;
using System.Globalization;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Scrubbing;

/// <summary>Turns one NCCI PTP row that applies to two lines into edits: hard stop, warning with modifiers, or bypass.</summary>
/// <remarks>
/// The rules are the NCCI Policy Manual's (ch. I §E, domain.md §2.4): indicator 0 is never bypassed; indicator 1 is
/// bypassed by a PTP-associated modifier on the right line. A modifier on the wrong line, the same anatomic site on
/// both lines, 25 on a code that does not take it, 51/22/76/77/50, or a modifier the claim contradicts (XS with one
/// site, XP with one practitioner, a side beside 50) do not bypass, and each such case is explained in its own edit.
/// What the edit leads with follows the row's rationale (<see cref="RationaleAdvice"/>).
/// </remarks>
internal static class PtpPairEvaluator
{
    /// <summary>Column 2 procedure modifiers (CMS: 59 is for non-E/M services), with what an E/M line takes instead.</summary>
    private static readonly (string[] Modifiers, string UseInstead)[] ProcedureModifiers =
    [
        (NcciModifiers.DistinctService, "59 and the X modifiers are for procedures. For a separately identifiable E/M, use 25."),
        (NcciModifiers.PostoperativeProcedure,
            "58, 78 and 79 are for procedures in a postoperative period; for an unrelated E/M in the postoperative period use 24."),
    ];

    public static void Evaluate(in PtpMatch row, ClaimLine column1, ClaimLine column2, in PairContext context, List<Edit> edits)
    {
        if (row.ModifierIndicator == 0)
        {
            edits.Add(IndicatorZero(row, column1, column2, context));
            return;
        }

        var findings = new List<Edit>();
        var bypass = FindBypass(row, column1, column2, context, findings);
        if (bypass is { } found)
        {
            edits.Add(Bypassed(row, column1, column2, found.Modifier, found.Line, found.Note, context));
            edits.AddRange(findings.Where(f => f.EditType is EditTypes.ModifierInvalid or EditTypes.ModifierRedundant));
            if (found.Modifier == "59" && context.Policy.Modifiers.PrefersXOver59)
            {
                edits.Add(PrefersX(row, column1, column2, context));
            }

            return;
        }

        edits.Add(NotBypassed(row, column1, column2, context));
        edits.AddRange(findings);
        AddNeverBypassFindings(row, column1, column2, context, edits);
    }

    private static Edit IndicatorZero(in PtpMatch row, ClaimLine column1, ClaimLine column2, in PairContext context)
    {
        var present = column2.Modifiers.FirstOrDefault(IsPtpAssociated) ?? column1.Modifiers.FirstOrDefault(IsPtpAssociated);
        var modifierNote = present is null ? string.Empty : $" Modifier {present} does not change that.";
        var message =
            $"{Describe(column2, context)} is bundled into {Describe(column1, context)} on {Date(column2)} and no modifier can bypass " +
            $"this edit ({Indicator(row)}).{modifierNote} Remove {context.Name(column2)} or correct its code.";
        return NewEdit(EditTypes.NcciPtp, Severity.HardStop, row, column1, column2, [], message, RecommendedAction.RemoveLine);
    }

    private static Edit Bypassed(in PtpMatch row, ClaimLine column1, ClaimLine column2, string modifier, ClaimLine carrier, string note, in PairContext context)
    {
        var message =
            $"{Describe(column2, context)} would be bundled into {Describe(column1, context)} on {Date(column2)} ({Indicator(row)}). Modifier {modifier} on {context.Name(carrier)} bypasses the edit; payers audit this, so the " +
            $"record must show {ModifierAdvisor.WhatItAttests(modifier)}.{note}";
        return NewEdit(EditTypes.NcciPtpBypassed, Severity.Info, row, column1, column2, [], message, RecommendedAction.KeepDocumentation) with { BypassModifier = modifier };
    }

    /// <summary>The payer wants the specific X modifier where one fits, not 59 (CMS guidance since 2015, enforced by some payers).</summary>
    private static Edit PrefersX(in PtpMatch row, ClaimLine column1, ClaimLine column2, in PairContext context)
    {
        var xOnly = context with { Policy = context.Policy with { Modifiers = context.Policy.Modifiers with { AcceptsXModifiers = true } } };
        var fits = ModifierAdvisor.Suggest(column1, column2, xOnly).Where(s => NcciModifiers.IsX(s.Modifier)).ToImmutableArray();
        var message =
            $"This payer wants an X modifier instead of 59 where one fits: replace 59 on {context.Name(column2)} with " +
            $"{string.Join(" or ", fits.Select(f => f.Modifier))}, whichever the record supports.";
        return new Edit(EditTypes.PayerPrefersXModifier, Severity.Warning, column2.LineId, column1.LineId, row.Column1.ToString(),
            row.Column2.ToString(), row.ModifierIndicator, fits, message, context.Policy.Source ?? row.TableVersion)
        {
            Row = row,
            Action = RecommendedAction.CorrectModifier,
        };
    }

    private static Edit NotBypassed(in PtpMatch row, ClaimLine column1, ClaimLine column2, in PairContext context)
    {
        var suggestions = ModifierAdvisor.Suggest(column1, column2, context);
        var removeBecause = RationaleAdvice.RemoveFirstBecause(row.Rationale, column2.Code.Takes25);
        var modifiers = string.Join(" or ", suggestions.Select(s => s.Modifier));
        var advice = suggestions.IsEmpty
            ? $"Both lines are E/M services on one date: bill one visit that reflects the total work, or remove {context.Name(column2)}."
            : removeBecause is not null
                ? $"Remove {context.Name(column2)}: {removeBecause}. Only if the record shows a truly distinct service may {modifiers} apply; " +
                  "payers audit such bypasses."
                : $"If the services were truly distinct, append {modifiers} as shown and document why; otherwise remove {context.Name(column2)}.";
        var message =
            $"{Describe(column2, context)} is bundled into {Describe(column1, context)} on {Date(column2)} ({Indicator(row)}). {advice}";
        var severity = context.Policy.SeverityFor(row.Column1, row.Column2, context.Policy.IndicatorOneSeverity);
        return NewEdit(EditTypes.NcciPtp, severity, row, column1, column2, suggestions, message,
            suggestions.IsEmpty || removeBecause is not null ? RecommendedAction.RemoveLine : RecommendedAction.AddModifier);
    }

    /// <summary>The modifier that bypasses the edit, if any; explains every modifier that tried and could not.</summary>
    private static (string Modifier, ClaimLine Line, string Note)? FindBypass(
        in PtpMatch row, ClaimLine column1, ClaimLine column2, in PairContext context, List<Edit> findings)
    {
        (string, ClaimLine, string)? bypass = null;

        // 59, X{EPSU}, 91 and 58/78/79 go on the column 2 procedure and are never valid on an E/M. X modifiers bypass
        // nothing for a payer that does not accept them (the pack flags the line itself).
        var acceptsX = context.Policy.Modifiers.AcceptsXModifiers;
        var contradicted = false;
        foreach (var (modifiers, useInstead) in ProcedureModifiers)
        {
            foreach (var found in modifiers.Where(m => column2.HasModifier(m) && (acceptsX || !NcciModifiers.IsX(m))))
            {
                if (!ModifierValidity.IsValidOn(found, column2.Code))
                {
                    AddFinding(findings, context, EditTypes.ModifierInvalid, Severity.HardStop, row, column1, column2, column2,
                        $"Modifier {found} on {context.Name(column2)} is not valid on an E/M service ({column2.Code}); {useInstead}");
                    break;
                }

                if (Contradiction(found, column1, column2, context) is { } why)
                {
                    AddContradiction(findings, context, row, column1, column2, why);
                    contradicted = true;
                }
                else
                {
                    bypass ??= (found, column2, string.Empty);
                }
            }
        }

        if (column2.HasModifier("59") && column2.Modifiers.Any(NcciModifiers.IsX))
        {
            AddFinding(findings, context, EditTypes.ModifierRedundant, Severity.Warning, row, column1, column2, column2,
                $"{Capitalised(context.Name(column2))} carries both 59 and {column2.Modifiers.First(NcciModifiers.IsX)}. " +
                "CMS wants the more specific X modifier alone; remove 59.");
        }

        // 25, 57, 24 and 27 belong on the E/M line of the pair, whichever column it is in.
        foreach (var modifier in NcciModifiers.EvaluationAndManagement)
        {
            foreach (var line in (ReadOnlySpan<ClaimLine>)[column1, column2])
            {
                if (!line.HasModifier(modifier))
                {
                    continue;
                }

                if (!ModifierValidity.IsValidOn(modifier, line.Code))
                {
                    AddFinding(findings, context, EditTypes.ModifierInvalid, Severity.HardStop, row, column1, column2, line,
                        $"Modifier {modifier} on {context.Name(line)} is valid on E/M services{(modifier is "25" or "57" ? " and the general eye exams 92002–92014" : string.Empty)} only, " +
                        $"and {line.Code} is not one; it does not bypass the edit. Remove it.");
                }
                else if (ReferenceEquals(line, column1) && !column2.Code.Takes25)
                {
                    // The procedure in column 2 is the line denied; a modifier on the visit in column 1 changes nothing.
                    AddFinding(findings, context, EditTypes.ModifierWrongLine, Severity.Warning, row, column1, column2, column1,
                        $"Modifier {modifier} on {context.Name(column1)} ({column1.Code}, column 1) does not bypass the edit: the line denied is " +
                        $"{context.Name(column2)} ({column2.Code}, column 2), a procedure included in the visit. Remove {context.Name(column2)}, " +
                        "or, only if it was truly distinct, mark it with the distinct-service modifier that fits.");
                }
                else if (modifier == "27" && context.Setting != CareSetting.OutpatientHospital)
                {
                    AddFinding(findings, context, EditTypes.ModifierInvalid, Severity.Warning, row, column1, column2, line,
                        $"Modifier 27 on {context.Name(line)} is for multiple outpatient hospital E/M encounters; it does not apply on a professional claim.");
                }
                else
                {
                    bypass ??= (modifier, line, string.Empty);
                }
            }
        }

        // Anatomic modifiers must show two different sites. The same site on both lines shows none.
        var column2Sites = column2.Modifiers.Where(NcciModifiers.Anatomic.Contains).ToArray();
        if (BilateralWithSide(column1, column2, context) is { } bilateral)
        {
            AddContradiction(findings, context, row, column1, column2, bilateral);
        }
        else if (column2Sites.Length > 0)
        {
            var column1Sites = column1.Modifiers.Where(NcciModifiers.Anatomic.Contains).ToArray();
            var shared = column2Sites.Intersect(column1Sites, StringComparer.Ordinal).FirstOrDefault();
            if (shared is not null && !contradicted)
            {
                AddFinding(findings, context, EditTypes.ModifierSameSite, Severity.Warning, row, column1, column2, column2,
                    $"Both lines carry {shared}: the same anatomic site does not show a separate site, so the edit is not bypassed.");
            }
            else if (shared is null)
            {
                var note = column1Sites.Length == 0
                    ? $" Add the site of {context.Name(column1)} as well, so both sites are on the claim."
                    : string.Empty;
                bypass ??= (column2Sites[0], column2, note);
            }
        }

        // A bypass modifier on the column 1 line alone bypasses nothing: the column 2 line is the one denied.
        if (bypass is null)
        {
            var misplaced = NcciModifiers.DistinctService.Concat(NcciModifiers.PostoperativeProcedure)
                .FirstOrDefault(m => column1.HasModifier(m) && !column2.HasModifier(m));
            if (misplaced is not null)
            {
                AddFinding(findings, context, EditTypes.ModifierWrongLine, Severity.Warning, row, column1, column2, column1,
                    $"Modifier {misplaced} is on {context.Name(column1)} ({column1.Code}, column 1). It must go on " +
                    $"{context.Name(column2)} ({column2.Code}, column 2), the line that would be denied.");
            }
        }

        return bypass;
    }

    /// <summary>Why a distinct-service modifier on the column 2 line says what the claim itself denies, or null: XS
    /// with the same site on both lines, XP with one practitioner (NCCI Policy Manual ch. I §E; domain.md §2.4).</summary>
    private static string? Contradiction(string modifier, ClaimLine column1, ClaimLine column2, in PairContext context)
    {
        if (modifier == "XS" && column2.Modifiers.Where(NcciModifiers.Anatomic.Contains)
                .Intersect(column1.Modifiers.Where(NcciModifiers.Anatomic.Contains), StringComparer.Ordinal).FirstOrDefault() is { } site)
        {
            return $"XS on {context.Name(column2)} says a separate organ or structure, but both lines carry {site}: the claim shows one site. " +
                   "Correct the site modifiers, or remove XS and the line.";
        }

        if (modifier == "XP" && !ModifierAdvisor.DifferentRenderers(column1, column2, context))
        {
            return $"XP on {context.Name(column2)} says a different practitioner, but the claim shows the same rendering provider for both lines. " +
                   "Remove XP; if another practitioner did it, send that practitioner's NPI on the line.";
        }

        return null;
    }

    /// <summary>50 (bilateral) on one line and RT or LT on the other: a bilateral procedure already covers both sides,
    /// so the side shows no separate site.</summary>
    private static string? BilateralWithSide(ClaimLine column1, ClaimLine column2, in PairContext context)
    {
        foreach (var (bilateral, sided) in ((ClaimLine, ClaimLine)[])[(column1, column2), (column2, column1)])
        {
            if (bilateral.HasModifier("50") && sided.Modifiers.FirstOrDefault(m => m is "RT" or "LT") is { } side)
            {
                return $"{bilateral.Code} ({context.Name(bilateral)}) carries 50, a procedure on both sides, and {sided.Code} ({context.Name(sided)}) carries {side}: " +
                       "a bilateral procedure already covers that side, so the claim shows no separate site. Correct the modifiers or remove the line.";
            }
        }

        return null;
    }

    private static void AddContradiction(List<Edit> findings, in PairContext context, in PtpMatch row, ClaimLine column1, ClaimLine column2, string message) =>
        AddFinding(findings, context, EditTypes.ModifierContradictsClaim, Severity.Warning, row, column1, column2, column2, message);

    private static void AddNeverBypassFindings(in PtpMatch row, ClaimLine column1, ClaimLine column2, in PairContext context, List<Edit> edits)
    {
        foreach (var line in (ReadOnlySpan<ClaimLine>)[column2, column1])
        {
            foreach (var modifier in line.Modifiers)
            {
                if (NcciModifiers.NeverBypass.TryGetValue(modifier, out var why))
                {
                    AddFinding(edits, context, EditTypes.ModifierNotPtp, Severity.Warning, row, column1, column2, line,
                        $"Modifier {modifier} on {context.Name(line)} does not bypass an NCCI PTP edit: {why}.");
                }
            }
        }
    }

    /// <summary>Adds a finding about a modifier on <paramref name="subject"/>; none about an earlier claim's line,
    /// which has gone and is not this claim's to fix.</summary>
    private static void AddFinding(List<Edit> findings, in PairContext context, string type, Severity severity, in PtpMatch row,
        ClaimLine column1, ClaimLine column2, ClaimLine subject, string message)
    {
        if (context.IsEarlier(subject))
        {
            return;
        }

        var other = ReferenceEquals(subject, column1) ? column2 : column1;
        findings.Add(new Edit(type, severity, subject.LineId, other.LineId, row.Column1.ToString(), row.Column2.ToString(),
            row.ModifierIndicator, [], message, row.TableVersion)
        {
            Row = row,
            Action = RecommendedAction.CorrectModifier,
        });
    }

    private static Edit NewEdit(string type, Severity severity, in PtpMatch row, ClaimLine column1, ClaimLine column2,
        ImmutableArray<SuggestedModifier> suggestions, string message, RecommendedAction action) =>
        new(type, severity, column2.LineId, column1.LineId, row.Column1.ToString(), row.Column2.ToString(),
            row.ModifierIndicator, suggestions, message, row.TableVersion)
        {
            Row = row,
            Action = action,
        };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static bool IsPtpAssociated(string modifier) =>
        NcciModifiers.Anatomic.Contains(modifier) || NcciModifiers.DistinctService.Contains(modifier) ||
        NcciModifiers.EvaluationAndManagement.Contains(modifier) || NcciModifiers.PostoperativeProcedure.Contains(modifier);

    private static string Indicator(in PtpMatch row) =>
        row.Rationale.Length == 0
            ? $"NCCI modifier indicator {row.ModifierIndicator}"
            : $"NCCI modifier indicator {row.ModifierIndicator}: {row.Rationale}";

    private static string Describe(ClaimLine line, in PairContext context) => $"{line.Code} ({context.Name(line)})";

    private static string Date(ClaimLine line) => line.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
