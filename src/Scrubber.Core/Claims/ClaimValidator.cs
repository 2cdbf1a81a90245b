using System.Collections.Immutable;
using System.Globalization;

namespace Scrubber.Core.Claims;

/// <summary>Turns a claim as sent into a validated <see cref="Claim"/>, collecting every field that is wrong.</summary>
/// <remarks>Lengths follow the 837P: CLM01 is at most 38 characters, REF*6R at most 50, four modifiers a line.
/// Field paths are the API's (<c>claim.lines[2].service_date</c>) so an error reads the same from every entry point.</remarks>
public static partial class ClaimValidator
{
    private const int MaxClaimIdLength = 38;
    private const int MaxLineIdLength = 50;

    /// <summary>REF*F8, the payer claim control number: AN 1/50 in the 837P.</summary>
    private const int MaxControlNumberLength = 50;
    private const int MaxIdLength = 80;
    private const int MaxModifiers = 4;
    private const int MaxDiagnosisCodes = 12;
    private const decimal MaxCharge = 99_999_999.99m;
    private const double MaxUnits = 99_999;

    /// <summary>The most days one line may span (service_date to service_date_end).</summary>
    public const int MaxSpanDays = 366;

    /// <summary>Returns the claim, or null with <paramref name="violations"/> naming each bad field.</summary>
    public static Claim? TryCreate(ClaimInput? claim, ClaimLimits limits, out List<FieldViolation> violations)
    {
        violations = [];
        if (claim is null)
        {
            violations.Add(new("claim", "is required"));
            return null;
        }

        // A field longer than any real one is refused before anything else reads it, so a hostile claim costs little.
        if (ClaimFieldLengths.FindTooLong(claim, limits.MaxFieldLength, violations))
        {
            return null;
        }

        var maxLines = limits.MaxLines;

        var claimId = Required(claim.ClaimId, "claim.claim_id", MaxClaimIdLength, violations);
        Optional(claim.PayerId, "claim.payer_id", MaxIdLength, violations);
        Optional(claim.PatientId, "claim.patient_id", MaxIdLength, violations);
        if (!Npi.IsValid(claim.BillingProviderNpi))
        {
            violations.Add(new("claim.billing_provider_npi", Describe(claim.BillingProviderNpi, "is not a valid NPI (10 digits with a correct check digit)")));
        }

        var setting = ParseSetting(claim.Setting, violations);
        var frequency = ParseFrequency(claim.Frequency, violations);
        var originalClaimId = claim.OriginalClaimId ?? string.Empty;
        if (frequency == ClaimFrequency.Original)
        {
            Optional(originalClaimId, "claim.original_claim_id", MaxClaimIdLength, violations);
        }
        else
        {
            Required(originalClaimId, "claim.original_claim_id", MaxClaimIdLength, violations);
        }

        Optional(claim.PayerClaimControlNumber, "claim.payer_claim_control_number", MaxControlNumberLength, violations);
        var context = CreateContext(claim, violations);
        var inputs = claim.Lines ?? [];
        if (inputs.Count == 0)
        {
            violations.Add(new("claim.lines", "at least one line is required"));
        }
        else if (inputs.Count > maxLines)
        {
            violations.Add(new("claim.lines", $"{inputs.Count} lines is more than the maximum of {maxLines} (setting Scrub:MaxLinesPerClaim)"));
            return null;
        }

        var lines = ImmutableArray.CreateBuilder<ClaimLine>(inputs.Count);
        var lineIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var line = CreateLine(inputs[i], $"claim.lines[{i}]", context, violations);
            if (line is null)
            {
                continue;
            }

            if (!lineIds.Add(line.LineId))
            {
                violations.Add(new($"claim.lines[{i}].line_id", $"'{line.LineId}' is used by an earlier line; line ids must be unique within the claim"));
            }

            lines.Add(line);
        }

        CheckBirthDate(context, lines, violations);
        return violations.Count > 0
            ? null
            : new Claim(claimId, claim.PayerId ?? string.Empty, claim.PatientId ?? string.Empty, claim.BillingProviderNpi!, setting, lines.ToImmutable())
            {
                Frequency = frequency,
                OriginalClaimId = originalClaimId,
                PayerClaimControlNumber = claim.PayerClaimControlNumber ?? string.Empty,
                PatientBirthDate = context.BirthDate,
                PatientSex = context.Sex,
                PlaceOfService = context.PlaceOfService,
                DiagnosisCodes = context.Diagnoses,
                PriorAuthorization = context.PriorAuthorization,
                RenderingProviderTaxonomy = context.Taxonomy,
            };
    }

    private static ClaimFrequency ParseFrequency(string? frequency, List<FieldViolation> violations)
    {
        switch (frequency?.ToUpperInvariant())
        {
            case null or "" or "CLAIM_FREQUENCY_UNSPECIFIED" or "CLAIM_FREQUENCY_ORIGINAL" or "ORIGINAL" or "1":
                return ClaimFrequency.Original;
            case "CLAIM_FREQUENCY_REPLACEMENT" or "REPLACEMENT" or "7":
                return ClaimFrequency.Replacement;
            case "CLAIM_FREQUENCY_VOID" or "VOID" or "8":
                return ClaimFrequency.Void;
            default:
                violations.Add(new("claim.frequency", Describe(frequency, "is not a claim frequency (CLAIM_FREQUENCY_ORIGINAL, _REPLACEMENT or _VOID)")));
                return ClaimFrequency.Original;
        }
    }

    private static CareSetting ParseSetting(string? setting, List<FieldViolation> violations)
    {
        switch (setting?.ToUpperInvariant())
        {
            case null or "" or "SETTING_UNSPECIFIED" or "SETTING_PROFESSIONAL" or "PROFESSIONAL":
                return CareSetting.Professional;
            case "SETTING_OUTPATIENT_HOSPITAL" or "OUTPATIENT_HOSPITAL":
                return CareSetting.OutpatientHospital;
            case "SETTING_DME" or "DME":
                return CareSetting.Dme;
            default:
                violations.Add(new("claim.setting", $"'{setting}' is not a known setting (SETTING_PROFESSIONAL, SETTING_OUTPATIENT_HOSPITAL or SETTING_DME)"));
                return CareSetting.Professional;
        }
    }

    private static ClaimLine? CreateLine(ClaimLineInput? line, string path, ClaimContext context, List<FieldViolation> violations)
    {
        if (line is null)
        {
            violations.Add(new(path, "is required"));
            return null;
        }

        var before = violations.Count;
        var lineId = Required(line.LineId, $"{path}.line_id", MaxLineIdLength, violations);
        if (!HcpcsCode.TryParse(line.ProcedureCode, out var code))
        {
            violations.Add(new($"{path}.procedure_code", Describe(line.ProcedureCode, "is not a HCPCS code (5 letters or digits)")));
        }

        var modifiers = CreateModifiers(line.Modifiers ?? [], path, violations);
        if (!DateOnly.TryParseExact(line.ServiceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var serviceDate))
        {
            violations.Add(new($"{path}.service_date", Describe(line.ServiceDate, "is not a YYYY-MM-DD date")));
        }

        var serviceDateEnd = ParseDateEnd(line.ServiceDateEnd, serviceDate, path, violations);

        var rendering = line.RenderingProviderNpi ?? string.Empty;
        if (rendering.Length > 0 && !Npi.IsValid(rendering))
        {
            violations.Add(new($"{path}.rendering_provider_npi", Describe(rendering, "is not a valid NPI (10 digits with a correct check digit)")));
        }

        if (!decimal.TryParse(line.Charge, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var charge) ||
            charge > MaxCharge || charge.Scale > 2)
        {
            // The bound is named: a charge of 100000000.00 is a well-formed amount, refused only for its size.
            violations.Add(new($"{path}.charge", Describe(line.Charge, $"is not a dollar amount such as 150.00 (at most {MaxCharge.ToString("#,0.00", CultureInfo.InvariantCulture)})")));
        }

        if (!double.IsFinite(line.Units) || line.Units <= 0 || line.Units > MaxUnits)
        {
            violations.Add(new($"{path}.units", $"{line.Units.ToString(CultureInfo.InvariantCulture)} is not a unit count above 0 and at most {MaxUnits}"));
        }

        var (diagnoses, pointers) = LineDiagnoses(line, path, context, violations);
        var placeOfService = PlaceOfService(line.PlaceOfService, $"{path}.place_of_service", violations);
        var taxonomy = Taxonomy(line.RenderingProviderTaxonomy, $"{path}.rendering_provider_taxonomy", violations);

        return violations.Count > before
            ? null
            : new ClaimLine(lineId, code, modifiers, serviceDate, rendering, charge, line.Units, diagnoses)
            {
                ServiceDateEnd = serviceDateEnd,
                DiagnosisPointers = pointers,
                PlaceOfService = placeOfService.Length > 0 ? placeOfService : context.PlaceOfService,
                RenderingProviderTaxonomy = taxonomy.Length > 0 ? taxonomy : context.Taxonomy,
            };
    }

    /// <summary>The last day of a line's span: empty or the from-date itself is a line of one day. A span is bounded
    /// so that a line's days can be walked: a year covers every rental and supply period a claim line reports.</summary>
    private static DateOnly? ParseDateEnd(string? text, DateOnly from, string path, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            violations.Add(new($"{path}.service_date_end", Describe(text, "is not a YYYY-MM-DD date")));
            return null;
        }

        if (end < from)
        {
            violations.Add(new($"{path}.service_date_end", $"{text} is before the line's service_date"));
            return null;
        }

        if (end.DayNumber - from.DayNumber + 1 > MaxSpanDays)
        {
            violations.Add(new($"{path}.service_date_end", $"{text} makes the line span more than {MaxSpanDays} days"));
            return null;
        }

        return end == from ? null : end;
    }

    private static ImmutableArray<string> CreateModifiers(IReadOnlyList<string> modifiers, string path, List<FieldViolation> violations)
    {
        if (modifiers.Count > MaxModifiers)
        {
            // Not each one as well: thousands of modifiers would make an answer bigger than the request.
            violations.Add(new($"{path}.modifiers", $"{modifiers.Count} modifiers is more than the 4 an 837 line carries"));
            return [];
        }

        var valid = ImmutableArray.CreateBuilder<string>(modifiers.Count);
        for (var m = 0; m < modifiers.Count; m++)
        {
            var modifier = modifiers[m] ?? string.Empty;
            if (modifier.Length != 2 || !modifier.All(char.IsAsciiLetterOrDigit))
            {
                violations.Add(new($"{path}.modifiers[{m}]", Describe(modifier, "is not a modifier (2 letters or digits)")));
            }
            else
            {
                valid.Add(modifier.ToUpperInvariant());
            }
        }

        return valid.ToImmutable();
    }

    private static string Required(string? value, string field, int maxLength, List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(new(field, "is required"));
            return string.Empty;
        }

        Optional(value, field, maxLength, violations);
        return value;
    }

    private static void Optional(string? value, string field, int maxLength, List<FieldViolation> violations)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            violations.Add(new(field, $"is {value.Length} characters; at most {maxLength} are allowed"));
        }
        else if (value.Any(char.IsControl))
        {
            violations.Add(new(field, "contains control characters"));
        }
    }

    /// <summary>Quotes a short value so the caller sees what was sent; long values are cut, and control characters
    /// are escaped so a value with a newline or NUL cannot forge or break a log line.</summary>
    private static string Describe(string? value, string problem)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is required";
        }

        var shown = string.Concat(value.Take(40).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return $"'{shown}{(value.Length > 40 ? "…" : string.Empty)}' {problem}";
    }
}
