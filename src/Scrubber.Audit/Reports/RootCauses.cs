using Scrubber.Audit.Outcomes;

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

    /// <summary>The root cause of one denied line, from the edit the scrubber left on it (domain.md §2.4).</summary>
    public static string Of(DeniedLine line) => line.Edit switch
    {
        null => line.Family == DenialFamilies.Bundling ? PayerProprietaryBundle : NotCaught,
        { Rule.Length: > 0 } => PayerProprietaryBundle,
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

    /// <summary>The modifier indicator column: the NCCI indicator, "payer rule", or "not in NCCI".</summary>
    public static string IndicatorOf(DeniedLine line) => line.Edit switch
    {
        null => "not in NCCI",
        { Rule.Length: > 0 } => "payer rule",
        { ModifierIndicator: { } indicator } => indicator.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "not in NCCI",
    };
}
