namespace Scrubber.Core.Claims;

/// <summary>Finds string fields of a claim longer than <see cref="ClaimLimits.MaxFieldLength"/>.</summary>
internal static class ClaimFieldLengths
{
    /// <summary>At most this many are named: enough to fix a claim, and the answer stays small however many there are.</summary>
    private const int MaxReported = 10;

    /// <summary>Adds a violation for each field over <paramref name="maxLength"/> (up to ten); true when there was one.</summary>
    public static bool FindTooLong(ClaimInput claim, int maxLength, List<FieldViolation> violations)
    {
        var before = violations.Count;
        void Check(string? value, string field)
        {
            if (value is not null && value.Length > maxLength && violations.Count - before < MaxReported)
            {
                violations.Add(new(field, $"is {value.Length} characters; at most {maxLength} are accepted (setting Scrub:MaxFieldLength)"));
            }
        }

        Check(claim.ClaimId, "claim.claim_id");
        Check(claim.PayerId, "claim.payer_id");
        Check(claim.PatientId, "claim.patient_id");
        Check(claim.BillingProviderNpi, "claim.billing_provider_npi");
        Check(claim.Setting, "claim.setting");
        Check(claim.Frequency, "claim.frequency");
        Check(claim.OriginalClaimId, "claim.original_claim_id");
        Check(claim.PayerClaimControlNumber, "claim.payer_claim_control_number");
        Check(claim.PatientBirthDate, "claim.patient_birth_date");
        Check(claim.PatientSex, "claim.patient_sex");
        Check(claim.PlaceOfService, "claim.place_of_service");
        Check(claim.PriorAuthorization, "claim.prior_authorization");
        Check(claim.RenderingProviderTaxonomy, "claim.rendering_provider_taxonomy");
        CheckEach(claim.DiagnosisCodes, "claim.diagnosis_codes", Check);
        var lines = claim.Lines ?? [];
        for (var i = 0; i < lines.Count && violations.Count - before < MaxReported; i++)
        {
            if (lines[i] is not { } line)
            {
                continue;
            }

            var path = $"claim.lines[{i}]";
            Check(line.LineId, $"{path}.line_id");
            Check(line.ProcedureCode, $"{path}.procedure_code");
            Check(line.ServiceDate, $"{path}.service_date");
            Check(line.RenderingProviderNpi, $"{path}.rendering_provider_npi");
            Check(line.Charge, $"{path}.charge");
            Check(line.ServiceDateEnd, $"{path}.service_date_end");
            Check(line.PlaceOfService, $"{path}.place_of_service");
            Check(line.RenderingProviderTaxonomy, $"{path}.rendering_provider_taxonomy");
            CheckEach(line.Modifiers, $"{path}.modifiers", Check);
            CheckEach(line.DiagnosisCodes, $"{path}.diagnosis_codes", Check);
        }

        return violations.Count > before;
    }

    private static void CheckEach(IReadOnlyList<string>? values, string path, Action<string?, string> check)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            check(values![i], $"{path}[{i}]");
        }
    }
}
