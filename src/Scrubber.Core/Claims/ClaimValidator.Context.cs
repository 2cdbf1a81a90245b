using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;

namespace Scrubber.Core.Claims;

/// <summary>The claim context payer policies test: patient, place of service, diagnoses and pointers, taxonomy and
/// prior authorization (837P DMG, CLM05-1, SV105, HI, SV107, PRV03, REF*G1).</summary>
public static partial class ClaimValidator
{
    /// <summary>SV107 holds four pointers (SV107-1 to -4).</summary>
    private const int MaxPointers = 4;

    /// <summary>REF*G1 (prior authorization) is AN 1/50 in the 837P.</summary>
    private const int MaxPriorAuthorizationLength = 50;

    /// <summary>No patient of a claim being sent today was born before this; an earlier date is a typing error.</summary>
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private static readonly SearchValues<char> AsciiUpperOrDigit = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static ClaimContext CreateContext(ClaimInput claim, List<FieldViolation> violations)
    {
        var birthDate = BirthDate(claim.PatientBirthDate, violations);
        var sex = ParseSex(claim.PatientSex, violations);
        var placeOfService = PlaceOfService(claim.PlaceOfService, "claim.place_of_service", violations);
        var diagnoses = claim.DiagnosisCodes ?? [];
        if (diagnoses.Count > MaxDiagnosisCodes)
        {
            violations.Add(new("claim.diagnosis_codes", $"{diagnoses.Count} codes is more than the {MaxDiagnosisCodes} an 837P claim carries (HI)"));
        }

        var valid = ImmutableArray.CreateBuilder<string>(Math.Min(diagnoses.Count, MaxDiagnosisCodes));
        for (var d = 0; d < Math.Min(diagnoses.Count, MaxDiagnosisCodes); d++)
        {
            if (Icd10(diagnoses[d], allowDot: false) is { } code)
            {
                valid.Add(code);
            }
            else
            {
                violations.Add(new($"claim.diagnosis_codes[{d}]",
                    Describe(diagnoses[d], "is not an ICD-10-CM code (a letter, a digit, then letters or digits, 3 to 7 characters, no dot)")));
            }
        }

        var priorAuthorization = claim.PriorAuthorization ?? string.Empty;
        if (priorAuthorization.Length > MaxPriorAuthorizationLength)
        {
            violations.Add(new("claim.prior_authorization", $"is {priorAuthorization.Length} characters; at most {MaxPriorAuthorizationLength} are allowed (REF*G1)"));
        }
        else if (priorAuthorization.Length > 0 && (priorAuthorization.Any(c => c is < ' ' or > '~') || string.IsNullOrWhiteSpace(priorAuthorization)))
        {
            violations.Add(new("claim.prior_authorization", Describe(priorAuthorization, "is not a prior authorization number (printable ASCII characters, not only spaces)")));
        }

        var taxonomy = Taxonomy(claim.RenderingProviderTaxonomy, "claim.rendering_provider_taxonomy", violations);
        return new ClaimContext(birthDate, sex, placeOfService, valid.ToImmutable(), Math.Min(diagnoses.Count, MaxDiagnosisCodes), priorAuthorization, taxonomy);
    }

    /// <summary>The birth date, never quoted back: it is PHI, and the first violation of a claim is logged.</summary>
    private static DateOnly? BirthDate(string? text, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            violations.Add(new("claim.patient_birth_date", "is not a YYYY-MM-DD date (the value is not repeated: it is patient data)"));
            return null;
        }

        if (date < EarliestBirthDate)
        {
            violations.Add(new("claim.patient_birth_date", "is before 1900-01-01"));
            return null;
        }

        return date;
    }

    /// <summary>A birth date after a line's date of service gives no age: the claim is wrong, not the patient young.</summary>
    private static void CheckBirthDate(ClaimContext context, ImmutableArray<ClaimLine>.Builder lines, List<FieldViolation> violations)
    {
        if (context.BirthDate is { } born && lines.Count > 0 && born > lines.Min(l => l.ServiceDate))
        {
            violations.Add(new("claim.patient_birth_date", "is after the earliest service_date of the claim's lines"));
        }
    }

    private static PatientSex ParseSex(string? sex, List<FieldViolation> violations)
    {
        switch (sex?.ToUpperInvariant())
        {
            case null or "" or "PATIENT_SEX_UNSPECIFIED" or "UNSPECIFIED":
                return PatientSex.Unspecified;
            case "PATIENT_SEX_FEMALE" or "FEMALE" or "F":
                return PatientSex.Female;
            case "PATIENT_SEX_MALE" or "MALE" or "M":
                return PatientSex.Male;
            case "PATIENT_SEX_UNKNOWN" or "UNKNOWN" or "U":
                return PatientSex.Unknown;
            default:
                violations.Add(new("claim.patient_sex", "is not a known value (PATIENT_SEX_FEMALE, PATIENT_SEX_MALE or PATIENT_SEX_UNKNOWN)"));
                return PatientSex.Unspecified;
        }
    }

    /// <summary>A CMS place of service code: two digits, 01 to 99. Empty when not given.</summary>
    private static string PlaceOfService(string? text, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.Length != 2 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]) || text == "00")
        {
            violations.Add(new(field, Describe(text, "is not a place of service code (two digits, 01 to 99, e.g. 11 for an office)")));
            return string.Empty;
        }

        return text;
    }

    /// <summary>A NUCC provider taxonomy code (PRV03): ten characters, nine letters or digits and a final X, upper
    /// case. Checked in form only, as no code list is at hand. Empty when not given.</summary>
    private static string Taxonomy(string? text, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var upper = text.ToUpperInvariant();
        if (upper.Length != 10 || upper.AsSpan(0, 9).ContainsAnyExcept(AsciiUpperOrDigit) || upper[9] != 'X')
        {
            violations.Add(new(field, Describe(text, "is not a provider taxonomy code (10 characters: 9 letters or digits and a final X, e.g. 103T00000X)")));
            return string.Empty;
        }

        return upper;
    }

    /// <summary>The line's diagnoses: those its pointers point to in the claim's list, else its own codes.</summary>
    private static (ImmutableArray<string> Codes, ImmutableArray<int> Pointers) LineDiagnoses(ClaimLineInput line, string path, ClaimContext context,
        List<FieldViolation> violations)
    {
        var own = line.DiagnosisCodes ?? [];
        var pointers = line.DiagnosisPointers ?? [];
        if (own.Count > 0 && pointers.Count > 0)
        {
            violations.Add(new($"{path}.diagnosis_pointers",
                "is given with diagnosis_codes: a line points into the claim's diagnosis_codes or lists its own, not both"));
            return ([], []);
        }

        if (pointers.Count > 0)
        {
            return Resolve(pointers, $"{path}.diagnosis_pointers", context, violations);
        }

        if (own.Count > MaxDiagnosisCodes)
        {
            violations.Add(new($"{path}.diagnosis_codes", $"{own.Count} codes is more than the {MaxDiagnosisCodes} a claim carries"));
        }

        var codes = ImmutableArray.CreateBuilder<string>(Math.Min(own.Count, MaxDiagnosisCodes));
        for (var d = 0; d < Math.Min(own.Count, MaxDiagnosisCodes); d++)
        {
            // The line's own codes are the older form of the API, sent as people write them: the dot is accepted.
            if (Icd10(own[d], allowDot: true) is { } code)
            {
                codes.Add(code);
            }
            else
            {
                violations.Add(new($"{path}.diagnosis_codes[{d}]", Describe(own[d], "is not an ICD-10-CM code")));
            }
        }

        return (codes.ToImmutable(), []);
    }

    private static (ImmutableArray<string> Codes, ImmutableArray<int> Pointers) Resolve(IReadOnlyList<int> pointers, string path, ClaimContext context,
        List<FieldViolation> violations)
    {
        if (pointers.Count > MaxPointers)
        {
            // Not each one as well: thousands of pointers would make an answer bigger than the request.
            violations.Add(new(path, $"{pointers.Count} pointers is more than the {MaxPointers} an 837P line carries (SV107)"));
            return ([], []);
        }

        var codes = ImmutableArray.CreateBuilder<string>(pointers.Count);
        for (var p = 0; p < pointers.Count; p++)
        {
            var pointer = pointers[p];
            var problem = pointer switch
            {
                <= 0 => $"{pointer} is not a diagnosis pointer: pointers count from 1, the first of claim.diagnosis_codes",
                > MaxDiagnosisCodes => $"{pointer} is more than the {MaxDiagnosisCodes} diagnoses an 837P claim carries",
                _ when pointer > context.DiagnosesSent => $"{pointer} points past the claim's {context.DiagnosesSent} diagnosis code(s)",
                _ => null,
            };
            if (problem is not null)
            {
                violations.Add(new($"{path}[{p}]", problem));
            }
            else if (pointer <= context.Diagnoses.Length)
            {
                codes.Add(context.Diagnoses[pointer - 1]);
            }
        }

        return (codes.ToImmutable(), [.. pointers]);
    }

    /// <summary>An ICD-10-CM code in form: a letter, a digit, then letters or digits, 3 to 7 characters; upper case
    /// without the dot. With <paramref name="allowDot"/>, one dot after the third character is accepted and dropped.</summary>
    private static string? Icd10(string? text, bool allowDot)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 8)
        {
            return null;
        }

        var code = allowDot && text.Length > 4 && text[3] == '.' ? string.Concat(text.AsSpan(0, 3), text.AsSpan(4)) : text;
        if (code.Length is < 3 or > 7 || !char.IsAsciiLetter(code[0]) || !char.IsAsciiDigit(code[1]) || !code.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return code.ToUpperInvariant();
    }

    /// <summary>The claim-level context lines inherit from or point into; <c>DiagnosesSent</c> is how many claim
    /// diagnoses were sent (up to 12), valid or not: the range pointers are checked against.</summary>
    private sealed record ClaimContext(
        DateOnly? BirthDate,
        PatientSex Sex,
        string PlaceOfService,
        ImmutableArray<string> Diagnoses,
        int DiagnosesSent,
        string PriorAuthorization,
        string Taxonomy);
}
