using System.Collections.Immutable;

namespace Scrubber.Audit.Reports;

/// <summary>Report 4: the key figures of the denial families covered.</summary>
/// <param name="Months">Per month: denials of the families covered as a share of charges and of all denials.</param>
/// <param name="TopPairs">The ten code pairs (or denied codes, where no edit named a pair) with payer that cost the most.</param>
/// <param name="Overturns">Per payer and root cause: of the denials appealed or corrected, how many were recovered.</param>
/// <param name="AverageDaysToResolution">From the denial to its latest resolution step, over worked denials; null when none.</param>
/// <param name="WrittenOffPreventable">Written off where it was foreseeable: an indicator-0 pair or a hard stop sent anyway.</param>
/// <param name="WrittenOffContestable">Written off on indicator-1 or payer-specific denials, which an appeal could contest.</param>
public sealed record KpiReport(
    ImmutableArray<MonthKpi> Months,
    ImmutableArray<TopPair> TopPairs,
    ImmutableArray<OverturnRate> Overturns,
    double? AverageDaysToResolution,
    decimal WrittenOffPreventable,
    decimal WrittenOffContestable);

/// <param name="Month">YYYY-MM.</param>
/// <param name="BundlingDollars">Denied dollars of the families covered.</param>
/// <param name="Charges">All remitted line charges.</param>
/// <param name="ShareOfCharges">BundlingDollars ÷ Charges.</param>
/// <param name="BundlingDenials">Lines denied in the families covered.</param>
/// <param name="AllDenials">Lines denied for any reason.</param>
/// <param name="ShareOfDenials">BundlingDenials ÷ AllDenials.</param>
public sealed record MonthKpi(string Month, decimal BundlingDollars, decimal Charges, double ShareOfCharges, int BundlingDenials, int AllDenials, double ShareOfDenials);

/// <summary>A pair (or, with <paramref name="Column1"/> empty, a denied code) and what it cost one payer.</summary>
public sealed record TopPair(string Column1, string Column2, string PayerId, int Denied, decimal DollarsDenied)
{
    /// <summary>The denial family.</summary>
    public string Family { get; init; } = Outcomes.DenialFamilies.Bundling;

    /// <summary>The most frequent adjustment group of its denials: CO, PR, OA or PI.</summary>
    public string Group { get; init; } = string.Empty;
}

/// <param name="PayerId">The payer.</param>
/// <param name="Scenario">The root cause.</param>
/// <param name="Contested">Denials appealed or sent as corrected claims (or recovered).</param>
/// <param name="Recovered">Of those, recovered.</param>
/// <param name="Rate">Recovered ÷ Contested.</param>
public sealed record OverturnRate(string PayerId, string Scenario, int Contested, int Recovered, double Rate);
