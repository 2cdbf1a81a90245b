namespace Scrubber.Audit.Reports;

/// <summary>Report 2: denials on lines the scrubber passed with no edit: the gaps in the tables and packs.</summary>
/// <param name="PayerId">The payer.</param>
/// <param name="Code">The denied line's code.</param>
/// <param name="Modifiers">Its modifiers as sent.</param>
/// <param name="Provider">The rendering NPI, else the billing NPI.</param>
/// <param name="Week">The ISO week of the denial.</param>
/// <param name="Denied">Lines denied.</param>
/// <param name="DollarsDenied">Their denied amounts (adjustments of their family).</param>
/// <param name="Claims">The claim/line ids behind the row, for drill-down.</param>
public sealed record MissedRow(string PayerId, string Code, string Modifiers, string Provider, string Week, int Denied, decimal DollarsDenied, IReadOnlyList<string> Claims)
{
    /// <summary>The denial family (<see cref="Outcomes.DenialFamilies"/>).</summary>
    public string Family { get; init; } = Outcomes.DenialFamilies.Bundling;

    /// <summary>The adjustment group: CO, PR, OA or PI.</summary>
    public string Group { get; init; } = string.Empty;
}
