using System.Collections.Immutable;
using System.Globalization;
using Scrubber.Core.Claims;
using Proto = Scrubber.V1;

namespace Scrubber.Server.Grpc;

/// <summary>Maps a protobuf claim to the domain claim, collecting every field that is wrong instead of stopping at the first.</summary>
/// <remarks>Lengths follow the 837P: CLM01 is at most 38 characters, REF*6R at most 50, four modifiers a line.</remarks>
internal static class ClaimRequestMapper
{
    private const int MaxClaimIdLength = 38;
    private const int MaxLineIdLength = 50;
    private const int MaxIdLength = 80;
    private const int MaxModifiers = 4;
    private const int MaxDiagnosisCodes = 12;
    private const decimal MaxCharge = 99_999_999.99m;
    private const double MaxUnits = 99_999;

    /// <summary>Returns the claim, or null with <paramref name="violations"/> naming each bad field.</summary>
    public static Claim? TryMap(Proto.Claim? claim, int maxLines, out List<Proto.FieldViolation> violations)
    {
        violations = [];
        if (claim is null)
        {
            Add(violations, "claim", "is required");
            return null;
        }

        var claimId = Required(claim.ClaimId, "claim.claim_id", MaxClaimIdLength, violations);
        Optional(claim.PayerId, "claim.payer_id", MaxIdLength, violations);
        Optional(claim.PatientId, "claim.patient_id", MaxIdLength, violations);
        if (!Npi.IsValid(claim.BillingProviderNpi))
        {
            Add(violations, "claim.billing_provider_npi", Describe(claim.BillingProviderNpi, "is not a valid NPI (10 digits with a correct check digit)"));
        }

        var setting = claim.Setting switch
        {
            Proto.Setting.Unspecified or Proto.Setting.Professional => CareSetting.Professional,
            Proto.Setting.OutpatientHospital => CareSetting.OutpatientHospital,
            _ => Invalid(violations, "claim.setting", $"{(int)claim.Setting} is not a known setting", CareSetting.Professional),
        };

        if (claim.Lines.Count == 0)
        {
            Add(violations, "claim.lines", "at least one line is required");
        }
        else if (claim.Lines.Count > maxLines)
        {
            Add(violations, "claim.lines", $"{claim.Lines.Count} lines is more than the maximum of {maxLines} (setting Scrub:MaxLinesPerClaim)");
            return null;
        }

        var lines = ImmutableArray.CreateBuilder<ClaimLine>(claim.Lines.Count);
        var lineIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < claim.Lines.Count; i++)
        {
            var line = MapLine(claim.Lines[i], $"claim.lines[{i}]", violations);
            if (line is not null && !lineIds.Add(line.LineId))
            {
                Add(violations, $"claim.lines[{i}].line_id", $"'{line.LineId}' is used by an earlier line; line ids must be unique within the claim");
            }

            if (line is not null)
            {
                lines.Add(line);
            }
        }

        return violations.Count > 0
            ? null
            : new Claim(claimId, claim.PayerId, claim.PatientId, claim.BillingProviderNpi, setting, lines.ToImmutable());
    }

    private static ClaimLine? MapLine(Proto.ClaimLine line, string path, List<Proto.FieldViolation> violations)
    {
        var before = violations.Count;
        var lineId = Required(line.LineId, $"{path}.line_id", MaxLineIdLength, violations);
        if (!HcpcsCode.TryParse(line.ProcedureCode, out var code))
        {
            Add(violations, $"{path}.procedure_code", Describe(line.ProcedureCode, "is not a HCPCS code (5 letters or digits)"));
        }

        if (line.Modifiers.Count > MaxModifiers)
        {
            Add(violations, $"{path}.modifiers", $"{line.Modifiers.Count} modifiers is more than the 4 an 837 line carries");
        }

        var modifiers = ImmutableArray.CreateBuilder<string>(line.Modifiers.Count);
        for (var m = 0; m < line.Modifiers.Count; m++)
        {
            var modifier = line.Modifiers[m];
            if (modifier.Length != 2 || !modifier.All(char.IsAsciiLetterOrDigit))
            {
                Add(violations, $"{path}.modifiers[{m}]", Describe(modifier, "is not a modifier (2 letters or digits)"));
            }
            else
            {
                modifiers.Add(modifier.ToUpperInvariant());
            }
        }

        if (!DateOnly.TryParseExact(line.ServiceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var serviceDate))
        {
            Add(violations, $"{path}.service_date", Describe(line.ServiceDate, "is not a YYYY-MM-DD date"));
        }

        if (line.RenderingProviderNpi.Length > 0 && !Npi.IsValid(line.RenderingProviderNpi))
        {
            Add(violations, $"{path}.rendering_provider_npi", Describe(line.RenderingProviderNpi, "is not a valid NPI (10 digits with a correct check digit)"));
        }

        if (!decimal.TryParse(line.Charge, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var charge) ||
            charge > MaxCharge || charge.Scale > 2)
        {
            Add(violations, $"{path}.charge", Describe(line.Charge, "is not a dollar amount such as 150.00"));
        }

        if (!double.IsFinite(line.Units) || line.Units <= 0 || line.Units > MaxUnits)
        {
            Add(violations, $"{path}.units", $"{line.Units.ToString(CultureInfo.InvariantCulture)} is not a unit count above 0 and at most {MaxUnits}");
        }

        if (line.DiagnosisCodes.Count > MaxDiagnosisCodes)
        {
            Add(violations, $"{path}.diagnosis_codes", $"{line.DiagnosisCodes.Count} codes is more than the {MaxDiagnosisCodes} a claim carries");
        }

        for (var d = 0; d < line.DiagnosisCodes.Count; d++)
        {
            var dx = line.DiagnosisCodes[d];
            if (dx.Length is < 3 or > 8 || !dx.All(c => char.IsAsciiLetterOrDigit(c) || c == '.'))
            {
                Add(violations, $"{path}.diagnosis_codes[{d}]", Describe(dx, "is not an ICD-10-CM code"));
            }
        }

        return violations.Count > before
            ? null
            : new ClaimLine(lineId, code, modifiers.ToImmutable(), serviceDate, line.RenderingProviderNpi, charge, line.Units, [.. line.DiagnosisCodes.Select(d => d.ToUpperInvariant())]);
    }

    private static string Required(string value, string field, int maxLength, List<Proto.FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(violations, field, "is required");
        }
        else
        {
            Optional(value, field, maxLength, violations);
        }

        return value;
    }

    private static void Optional(string value, string field, int maxLength, List<Proto.FieldViolation> violations)
    {
        if (value.Length > maxLength)
        {
            Add(violations, field, $"is {value.Length} characters; at most {maxLength} are allowed");
        }
        else if (value.Any(char.IsControl))
        {
            Add(violations, field, "contains control characters");
        }
    }

    private static T Invalid<T>(List<Proto.FieldViolation> violations, string field, string description, T fallback)
    {
        Add(violations, field, description);
        return fallback;
    }

    private static void Add(List<Proto.FieldViolation> violations, string field, string description) =>
        violations.Add(new Proto.FieldViolation { Field = field, Description = description });

    /// <summary>Quotes a short value so the caller sees what was sent; long values are cut.</summary>
    private static string Describe(string value, string problem) =>
        value.Length == 0 ? "is required" : $"'{(value.Length > 40 ? value[..40] + "…" : value)}' {problem}";
}
