using Scrubber.Core.Claims;
using Claim = Scrubber.V1.Claim;
using ClaimLine = Scrubber.V1.ClaimLine;
using ClaimFrequency = Scrubber.V1.ClaimFrequency;
using PatientSex = Scrubber.V1.PatientSex;
using Setting = Scrubber.V1.Setting;

namespace Scrubber.Generators;

/// <summary>Maps a claim in the API's JSON shape (<see cref="ClaimInput"/>) to the protobuf claim the service takes.</summary>
public static class ClaimInputProto
{
    public static Claim From(ClaimInput input)
    {
        var claim = new Claim
        {
            ClaimId = input.ClaimId,
            PayerId = input.PayerId,
            PatientId = input.PatientId,
            BillingProviderNpi = input.BillingProviderNpi,
            Setting = SettingOf(input.Setting),
            Frequency = FrequencyOf(input.Frequency),
            OriginalClaimId = input.OriginalClaimId ?? string.Empty,
            PayerClaimControlNumber = input.PayerClaimControlNumber ?? string.Empty,
            PatientBirthDate = input.PatientBirthDate ?? string.Empty,
            PatientSex = SexOf(input.PatientSex),
            PlaceOfService = input.PlaceOfService ?? string.Empty,
            PriorAuthorization = input.PriorAuthorization ?? string.Empty,
            RenderingProviderTaxonomy = input.RenderingProviderTaxonomy ?? string.Empty,
        };
        claim.DiagnosisCodes.AddRange(input.DiagnosisCodes ?? []);
        foreach (var line in input.Lines ?? [])
        {
            var proto = new ClaimLine
            {
                LineId = line.LineId,
                ProcedureCode = line.ProcedureCode,
                ServiceDate = line.ServiceDate,
                ServiceDateEnd = line.ServiceDateEnd ?? string.Empty,
                RenderingProviderNpi = line.RenderingProviderNpi,
                Charge = line.Charge,
                Units = line.Units,
                PlaceOfService = line.PlaceOfService ?? string.Empty,
                RenderingProviderTaxonomy = line.RenderingProviderTaxonomy ?? string.Empty,
            };
            proto.DiagnosisPointers.AddRange(line.DiagnosisPointers ?? []);
            proto.Modifiers.AddRange(line.Modifiers ?? []);
            proto.DiagnosisCodes.AddRange(line.DiagnosisCodes ?? []);
            claim.Lines.Add(proto);
        }

        return claim;
    }

    /// <summary>The setting the JSON names, as the validator reads it; an unknown name goes through as its number 0
    /// (unspecified, read as professional) only when empty, else as an unknown value the service refuses naming it.</summary>
    private static Setting SettingOf(string? setting) => setting?.ToUpperInvariant() switch
    {
        null or "" or "SETTING_UNSPECIFIED" => Setting.Unspecified,
        "SETTING_PROFESSIONAL" or "PROFESSIONAL" => Setting.Professional,
        "SETTING_OUTPATIENT_HOSPITAL" or "OUTPATIENT_HOSPITAL" => Setting.OutpatientHospital,
        "SETTING_DME" or "DME" => Setting.Dme,
        _ => (Setting)(-1),
    };

    /// <summary>The sex the JSON names, as the validator reads it; an unknown name goes through as an unknown value
    /// the service refuses naming the field.</summary>
    private static PatientSex SexOf(string? sex) => sex?.ToUpperInvariant() switch
    {
        null or "" or "PATIENT_SEX_UNSPECIFIED" or "UNSPECIFIED" => PatientSex.Unspecified,
        "PATIENT_SEX_FEMALE" or "FEMALE" or "F" => PatientSex.Female,
        "PATIENT_SEX_MALE" or "MALE" or "M" => PatientSex.Male,
        "PATIENT_SEX_UNKNOWN" or "UNKNOWN" or "U" => PatientSex.Unknown,
        _ => (PatientSex)(-1),
    };

    private static ClaimFrequency FrequencyOf(string? frequency) => frequency?.ToUpperInvariant() switch
    {
        "CLAIM_FREQUENCY_REPLACEMENT" or "REPLACEMENT" or "7" => ClaimFrequency.Replacement,
        "CLAIM_FREQUENCY_VOID" or "VOID" or "8" => ClaimFrequency.Void,
        null or "" or "CLAIM_FREQUENCY_UNSPECIFIED" => ClaimFrequency.Unspecified,
        "CLAIM_FREQUENCY_ORIGINAL" or "ORIGINAL" or "1" => ClaimFrequency.Original,
        _ => (ClaimFrequency)(-1),
    };
}
