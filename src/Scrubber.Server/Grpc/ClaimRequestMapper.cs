using Scrubber.Core.Claims;
using Proto = Scrubber.V1;

namespace Scrubber.Server.Grpc;

/// <summary>Maps a protobuf claim to the domain claim through <see cref="ClaimValidator"/>, which names every bad field.</summary>
internal static class ClaimRequestMapper
{
    /// <summary>Returns the claim, or null with <paramref name="violations"/> naming each bad field.</summary>
    public static Claim? TryMap(Proto.Claim? claim, ClaimLimits limits, out List<FieldViolation> violations) =>
        ClaimValidator.TryCreate(claim is null ? null : ToInput(claim), limits, out violations);

    private static ClaimInput ToInput(Proto.Claim claim) => new()
    {
        ClaimId = claim.ClaimId,
        PayerId = claim.PayerId,
        PatientId = claim.PatientId,
        BillingProviderNpi = claim.BillingProviderNpi,
        Setting = Enum.IsDefined(claim.Setting) ? SettingName(claim.Setting) : ((int)claim.Setting).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Lines = [.. claim.Lines.Select(ToInput)],
        Frequency = Enum.IsDefined(claim.Frequency) ? FrequencyName(claim.Frequency) : ((int)claim.Frequency).ToString(System.Globalization.CultureInfo.InvariantCulture),
        OriginalClaimId = claim.OriginalClaimId,
        PayerClaimControlNumber = claim.PayerClaimControlNumber,
        PatientBirthDate = claim.PatientBirthDate,
        PatientSex = Enum.IsDefined(claim.PatientSex) ? SexName(claim.PatientSex) : ((int)claim.PatientSex).ToString(System.Globalization.CultureInfo.InvariantCulture),
        PlaceOfService = claim.PlaceOfService,
        DiagnosisCodes = claim.DiagnosisCodes,
        PriorAuthorization = claim.PriorAuthorization,
        RenderingProviderTaxonomy = claim.RenderingProviderTaxonomy,
    };

    private static ClaimLineInput ToInput(Proto.ClaimLine line) => new()
    {
        LineId = line.LineId,
        ProcedureCode = line.ProcedureCode,
        Modifiers = line.Modifiers,
        ServiceDate = line.ServiceDate,
        ServiceDateEnd = line.ServiceDateEnd,
        RenderingProviderNpi = line.RenderingProviderNpi,
        Charge = line.Charge,
        Units = line.Units,
        DiagnosisCodes = line.DiagnosisCodes,
        PlaceOfService = line.PlaceOfService,
        DiagnosisPointers = line.DiagnosisPointers,
        RenderingProviderTaxonomy = line.RenderingProviderTaxonomy,
    };

    private static string SexName(Proto.PatientSex sex) => sex switch
    {
        Proto.PatientSex.Female => "PATIENT_SEX_FEMALE",
        Proto.PatientSex.Male => "PATIENT_SEX_MALE",
        Proto.PatientSex.Unknown => "PATIENT_SEX_UNKNOWN",
        _ => string.Empty,
    };

    private static string FrequencyName(Proto.ClaimFrequency frequency) => frequency switch
    {
        Proto.ClaimFrequency.Replacement => "CLAIM_FREQUENCY_REPLACEMENT",
        Proto.ClaimFrequency.Void => "CLAIM_FREQUENCY_VOID",
        _ => "CLAIM_FREQUENCY_ORIGINAL",
    };

    private static string SettingName(Proto.Setting setting) => setting switch
    {
        Proto.Setting.OutpatientHospital => "SETTING_OUTPATIENT_HOSPITAL",
        Proto.Setting.Professional => "SETTING_PROFESSIONAL",
        Proto.Setting.Dme => "SETTING_DME",
        _ => "SETTING_UNSPECIFIED",
    };
}
