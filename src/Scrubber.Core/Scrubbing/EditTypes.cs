namespace Scrubber.Core.Scrubbing;

/// <summary>The edit type names the API returns; PM systems switch on them, so they never change.</summary>
public static class EditTypes
{
    /// <summary>An NCCI PTP edit fired and no qualifying modifier bypasses it.</summary>
    public const string NcciPtp = "NCCI_PTP";

    /// <summary>An indicator-1 edit bypassed by an NCCI PTP-associated modifier; informational, payers audit these.</summary>
    public const string NcciPtpBypassed = "NCCI_PTP_BYPASSED";

    /// <summary>A bypass modifier sits on the column 1 line; it belongs on the column 2 line.</summary>
    public const string ModifierWrongLine = "MODIFIER_WRONG_LINE";

    /// <summary>Both lines carry the same anatomic modifier, which shows no separate site.</summary>
    public const string ModifierSameSite = "MODIFIER_SAME_SITE";

    /// <summary>A modifier used where it is not valid: 25/24/57/27 on a non-E/M code, 59/X/58/78/79 on an E/M code.</summary>
    public const string ModifierInvalid = "MODIFIER_INVALID";

    /// <summary>A modifier that never bypasses a PTP edit (51, 22, 76, 77, 50).</summary>
    public const string ModifierNotPtp = "MODIFIER_NOT_PTP";

    /// <summary>59 and an X modifier on one line: CMS wants the more specific X modifier alone.</summary>
    public const string ModifierRedundant = "MODIFIER_REDUNDANT";

    /// <summary>A bypass modifier that the claim itself contradicts (XS with the same site on both lines, XP with one
    /// practitioner, a side beside 50): the PTP edit stands.</summary>
    public const string ModifierContradictsClaim = "MODIFIER_CONTRADICTS_CLAIM";

    /// <summary>A payer pack policy: 59 bypassed an edit where the payer wants the more specific X modifier.</summary>
    public const string PayerPrefersXModifier = "PAYER_PREFERS_X_MODIFIER";

    /// <summary>A payer pack policy: the line carries an X modifier and the payer does not accept them.</summary>
    public const string PayerXModifierNotAccepted = "PAYER_X_MODIFIER_NOT_ACCEPTED";

    /// <summary>The same code, date, provider and modifiers twice, on the claim or against a claim already sent (CARC 18).</summary>
    public const string DuplicateService = "DUPLICATE_SERVICE";

    /// <summary>Two or more E/M visits of one category on one date by one provider; CMS pays one.</summary>
    public const string SameDayEm = "SAME_DAY_EM";

    /// <summary>The payer's pack ran past its evaluation budget on the claim (<c>Packs:MaxEvaluationMilliseconds</c>): a
    /// warning naming the pack and the rule reached; that rule and the rest were not run, so the claim needs a person.</summary>
    public const string PackBudgetExceeded = "PACK_BUDGET_EXCEEDED";

    /// <summary>A line's units, or the day's units of a code, exceed the code's MUE (domain.md §3): the units over the
    /// limit (MAI 1: the line; MAI 2 and 3: every unit of the code that day) are denied and cannot be billed to the patient.</summary>
    public const string MueUnitsExceeded = "MUE_UNITS_EXCEEDED";

    /// <summary>The code's MUE is 0 in the claim's setting: it is not payable there at all.</summary>
    public const string MueNotPayable = "MUE_NOT_PAYABLE";

    /// <summary>An add-on code with no eligible primary for the same patient, practitioner and date (domain.md §4).</summary>
    public const string AddOnWithoutPrimary = "ADDON_WITHOUT_PRIMARY";

    /// <summary>A visit or procedure inside a surgery's global period, by the same physician, without the modifier it
    /// needs (24, 25 or 57 on a visit; 58, 78 or 79 on a procedure): as billed, it is paid with the surgery (domain.md §5).</summary>
    public const string GlobalPeriod = "GLOBAL_PERIOD";

    /// <summary>A global-period modifier with nothing on the claim or in the lines already sent to give it meaning: 24,
    /// 58, 78 or 79 with no period in force, 57 with no major surgery that day or the next. A WARNING to review.</summary>
    public const string ModifierWithoutContext = "MODIFIER_WITHOUT_CONTEXT";

    /// <summary>The default type of an edit a payer rule raises.</summary>
    public const string PayerRule = "PAYER_RULE";
}
