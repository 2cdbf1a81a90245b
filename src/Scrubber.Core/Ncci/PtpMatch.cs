using Scrubber.Core.Claims;

namespace Scrubber.Core.Ncci;

/// <summary>The table row that applies to a code pair on a date of service.</summary>
/// <param name="Column1">The column 1 (payable, comprehensive) code.</param>
/// <param name="Column2">The column 2 code, the one denied.</param>
/// <param name="EffectiveDate">First day the row is in force.</param>
/// <param name="DeletionDate">Last day the row is in force, or null for <c>*</c> (still active).</param>
/// <param name="ModifierIndicator">0 (never bypassed) or 1 (an NCCI PTP-associated modifier may bypass).</param>
/// <param name="Rationale">The PTP edit rationale as CMS wrote it.</param>
/// <param name="TableVersion">The table and version the row came from, e.g. <c>ccipra-v322r0</c>.</param>
public readonly record struct PtpMatch(
    HcpcsCode Column1,
    HcpcsCode Column2,
    DateOnly EffectiveDate,
    DateOnly? DeletionDate,
    int ModifierIndicator,
    string Rationale,
    string TableVersion);
