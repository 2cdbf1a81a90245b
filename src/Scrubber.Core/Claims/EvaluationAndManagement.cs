using System.Collections.Frozen;

namespace Scrubber.Core.Claims;

/// <summary>Which procedure codes are evaluation and management (E/M) services.</summary>
/// <remarks>
/// CPT E/M is 99202–99499. The HCPCS Level II codes below are E/M visits under CMS policy: the Welcome to Medicare
/// visit (G0402), annual wellness visits (G0438, G0439), the hospital outpatient clinic visit (G0463) and the
/// FQHC visit codes (G0466–G0470). Modifier 25 is valid on these codes only.
/// </remarks>
public static class EvaluationAndManagement
{
    private static readonly HcpcsCode CptLow = HcpcsCode.Parse("99202");
    private static readonly HcpcsCode CptHigh = HcpcsCode.Parse("99499");

    private static readonly FrozenSet<HcpcsCode> HcpcsVisits =
        new[] { "G0402", "G0438", "G0439", "G0463", "G0466", "G0467", "G0468", "G0469", "G0470" }
            .Select(HcpcsCode.Parse).ToFrozenSet();

    /// <summary>Whether <paramref name="code"/> is an E/M service.</summary>
    public static bool Contains(HcpcsCode code) => code.IsInRange(CptLow, CptHigh) || HcpcsVisits.Contains(code);
}
