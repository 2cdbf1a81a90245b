using System.Collections.Frozen;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Pfs;

namespace Scrubber.Core.Scrubbing;

/// <summary>How NCCI edits are judged for one claim: the service settings, adjusted by the payer's pack.</summary>
/// <param name="Modifiers">Which modifiers the payer takes.</param>
/// <param name="IndicatorOneSeverity">Severity of an indicator-1 edit with no qualifying modifier.</param>
/// <param name="PairSeverities">Severities the payer raises specific pairs to, by pair key.</param>
/// <param name="Source">The pack (id@version) the policy came from, named on the edits the policy itself raises; null for none.</param>
public sealed record ScrubPolicy(
    ModifierPolicy Modifiers,
    Severity IndicatorOneSeverity,
    FrozenDictionary<ulong, Severity> PairSeverities,
    string? Source)
{
    /// <summary>The policy of the service settings alone, for a payer without a pack.</summary>
    public static ScrubPolicy FromOptions(ScrubOptions options) =>
        new(ModifierPolicy.Medicare, options.IndicatorOneSeverity, FrozenDictionary<ulong, Severity>.Empty, null);

    /// <summary>Severity of GLOBAL_PERIOD: a hard stop unless the payer's pack sets it (<c>severity.globalPeriod</c>).</summary>
    public Severity GlobalPeriodSeverity { get; init; } = Severity.HardStop;

    /// <summary>The payer's global periods for carrier-priced (YYY) codes; none without a pack.</summary>
    public IReadOnlyDictionary<HcpcsCode, GlobalDays> CarrierGlobalDays { get; init; } = FrozenDictionary<HcpcsCode, GlobalDays>.Empty;

    /// <summary>The severity of an edit for a pair: the base severity, raised when the payer lists the pair higher.</summary>
    public Severity SeverityFor(HcpcsCode column1, HcpcsCode column2, Severity baseSeverity) =>
        PairSeverities.TryGetValue(PtpTable.PairKey(column1, column2), out var raised) && raised > baseSeverity ? raised : baseSeverity;
}
