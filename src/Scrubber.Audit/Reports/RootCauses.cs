using Scrubber.Audit.Outcomes;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Audit.Reports;

/// <summary>Why a denial happened, and what a code or pair that keeps coming back calls for.</summary>
public static class RootCauses
{
    public const string MissingModifier = "missing modifier";
    public const string HardBundle = "hard bundle";
    public const string PayerProprietaryBundle = "payer-proprietary bundle";
    public const string ModifierNotAccepted = "modifier not accepted by the payer";

    /// <summary>A denial outside bundling that no edit warned of.</summary>
    public const string NotCaught = "not caught";

    /// <summary>An MUE_UNITS_EXCEEDED edit warned and the units went out anyway.</summary>
    public const string UnitsOverMue = "units over the MUE";

    /// <summary>An MUE_NOT_PAYABLE edit (MUE 0) warned and the code went out anyway.</summary>
    public const string NotPayableInSetting = "not payable in the setting";

    /// <summary>An ADDON_WITHOUT_PRIMARY edit warned and the add-on went out without its primary.</summary>
    public const string AddOnWithoutPrimary = "add-on without its primary";

    /// <summary>A DUPLICATE_SERVICE or SAME_DAY_EM edit warned and the second service went out anyway.</summary>
    public const string DuplicateSent = "duplicate sent";

    /// <summary>A GLOBAL_PERIOD edit warned and the visit or procedure went out inside the surgery's period without
    /// the modifier that takes it out.</summary>
    public const string InsideGlobalPeriod = "inside a global period";

    /// <summary>A MODIFIER_WITHOUT_CONTEXT edit warned and the modifier went out with no surgery to support it.</summary>
    public const string ModifierWithoutContext = "global modifier without a surgery";

    /// <summary>The root cause of one denied line, from the edit the scrubber left on it (domain.md §2.4).</summary>
    public static string Of(DeniedLine line) => line.Edit switch
    {
        null => line.Family == DenialFamilies.Bundling ? PayerProprietaryBundle : NotCaught,
        { Rule.Length: > 0 } => PayerProprietaryBundle,
        { EditType: EditTypes.MueUnitsExceeded } => UnitsOverMue,
        { EditType: EditTypes.MueNotPayable } => NotPayableInSetting,
        { EditType: EditTypes.AddOnWithoutPrimary } => AddOnWithoutPrimary,
        { EditType: EditTypes.DuplicateService or EditTypes.SameDayEm } => DuplicateSent,
        { EditType: EditTypes.GlobalPeriod } => InsideGlobalPeriod,
        { EditType: EditTypes.ModifierWithoutContext } => ModifierWithoutContext,
        { ModifierIndicator: 0 } => HardBundle,
        { Fate: "overridden_by_modifier" } => ModifierNotAccepted,
        _ => MissingModifier,
    };

    /// <summary>What a repeat offender with this root cause and family calls for.</summary>
    public static string ActionFor(string rootCause, string family = DenialFamilies.Bundling) => rootCause switch
    {
        MissingModifier => "add the modifier check",
        HardBundle => "stop billing the combination",
        PayerProprietaryBundle => "add a payer rule",

        // MAI 2 limits are absolute; MAI 3 ones can be allowed on appeal with the record (domain.md §3).
        UnitsOverMue => "bill units within the MUE, or appeal with the record where the MUE is clinical",
        NotPayableInSetting => "stop billing the code in this setting",
        AddOnWithoutPrimary => "bill the primary service with the add-on, or drop the add-on",
        DuplicateSent => "stop sending the service twice",
        InsideGlobalPeriod => "check the surgery's global period before billing visits and procedures after it (24, 25, 57; 58, 78, 79)",
        ModifierWithoutContext => "bill 24, 57, 58, 78 or 79 only with the surgery that gives it meaning",
        NotCaught => family switch
        {
            DenialFamilies.Units => "check units against the MUE before sending",
            DenialFamilies.AddOn => "bill the primary service with the add-on, or drop the add-on",
            DenialFamilies.Duplicate => "stop sending the service twice",
            DenialFamilies.Modifier => "correct the modifier before sending",
            _ => "review the denials with the payer",
        },
        _ => "talk to the provider",
    };

    /// <summary>The modifier indicator column: the NCCI indicator, "payer rule", the edit of one family ("MUE",
    /// "add-on", "duplicate", "global period"), or "not in NCCI" when no edit caught the denial.</summary>
    public static string IndicatorOf(DeniedLine line) => line.Edit switch
    {
        null => "not in NCCI",
        { Rule.Length: > 0 } => "payer rule",
        { EditType: EditTypes.MueUnitsExceeded or EditTypes.MueNotPayable } => "MUE",
        { EditType: EditTypes.AddOnWithoutPrimary } => "add-on",
        { EditType: EditTypes.DuplicateService or EditTypes.SameDayEm } => "duplicate",
        { EditType: EditTypes.GlobalPeriod or EditTypes.ModifierWithoutContext } => "global period",
        { ModifierIndicator: { } indicator } => indicator.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "not in NCCI",
    };
}
