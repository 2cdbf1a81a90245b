using System.Collections.Immutable;
using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Core.Packs.Vocabulary;

/// <summary>What a rule expression sees of the whole claim, as <c>claim</c>.</summary>
public sealed class ClaimFacts
{
    private readonly Claim _claim;

    private ClaimFacts(Claim claim, ProviderScope scope, SentLines sent)
    {
        _claim = claim;
        Lines = [.. claim.Lines.Select(l => new LineFacts(l, LinePairing.ProviderOf(claim, l, scope), claim.AgeOn(l.ServiceDate), sent))];
        foreach (var line in Lines)
        {
            line.SameDayLines = [.. Lines.Where(o => !ReferenceEquals(o, line) && IsSameDay(line, o))];
            line.ClaimLines = Lines;
        }

        PatientAge = claim.PatientBirthDate is null || claim.Lines.IsEmpty ? null : claim.AgeOn(claim.Lines.Min(l => l.ServiceDate));
    }

    /// <summary>CLM01.</summary>
    public string ClaimId => _claim.ClaimId;

    /// <summary>The payer id the claim goes to.</summary>
    public string PayerId => _claim.PayerId;

    /// <summary>"professional", "outpatient_hospital" or "dme".</summary>
    public string Setting => _claim.Setting switch { CareSetting.OutpatientHospital => "outpatient_hospital", CareSetting.Dme => "dme", _ => "professional" };

    /// <summary>The number of lines.</summary>
    public int LineCount => _claim.Lines.Length;

    /// <summary>The sum of the line charges.</summary>
    public decimal TotalCharge => _claim.Lines.Sum(l => l.Charge);

    /// <summary>Whether any line is an E/M service.</summary>
    public bool HasEm => Lines.Any(l => l.IsEm);

    /// <summary>Whether any line has one of the codes listed: <c>claim.HasCode("99050 99051")</c>.</summary>
    public bool HasCode(string codes) => Lines.Any(l => l.CodeIn(codes));

    /// <summary>The patient's age in whole years on the claim's earliest date of service; null without a birth date.</summary>
    public int? PatientAge { get; }

    /// <summary>"female", "male", "unknown" (sent as unknown), or "" when not sent.</summary>
    public string PatientSex => _claim.PatientSex switch
    {
        Claims.PatientSex.Female => "female",
        Claims.PatientSex.Male => "male",
        Claims.PatientSex.Unknown => "unknown",
        _ => string.Empty,
    };

    /// <summary>The claim's two-digit place of service (CLM05-1); empty when not sent.</summary>
    public string PlaceOfService => _claim.PlaceOfService;

    /// <summary>The principal diagnosis: the first of the claim's diagnosis codes, upper case without the dot; empty when none.</summary>
    public string PrimaryDiagnosis => _claim.DiagnosisCodes.IsEmpty ? string.Empty : _claim.DiagnosisCodes[0];

    /// <summary>Whether the claim carries a prior authorization number (REF*G1).</summary>
    public bool HasPriorAuth => _claim.PriorAuthorization.Length > 0;

    /// <summary>The claim's rendering provider taxonomy code; empty when not sent.</summary>
    public string Taxonomy => _claim.RenderingProviderTaxonomy;

    internal ImmutableArray<LineFacts> Lines { get; }

    /// <summary>Builds the facts of every line of a claim at once, so each line can see its same-day neighbours.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="scope">Which NPI lines pair under.</param>
    /// <param name="history">The patient's sent lines the scrub read, for the history helpers; none when null.</param>
    internal static ClaimFacts Of(Claim claim, ProviderScope scope, IReadOnlyList<PriorLine>? history = null) =>
        new(claim, scope, history is { Count: > 0 } ? new SentLines(history) : SentLines.None);

    /// <summary>Whether two lines share the date of service and the provider, which is what pairs them.</summary>
    internal static bool IsSameDay(LineFacts a, LineFacts b) =>
        a.Line.ServiceDate == b.Line.ServiceDate && string.Equals(a.Provider, b.Provider, StringComparison.Ordinal);
}
