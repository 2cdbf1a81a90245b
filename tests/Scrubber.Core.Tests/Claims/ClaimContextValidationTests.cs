using Scrubber.Core.Claims;

namespace Scrubber.Core.Tests.Claims;

/// <summary>The claim context (patient, place of service, diagnoses and pointers, taxonomy, prior authorization) is
/// validated field by field, each bad value named as the API names it, and lines inherit the claim's values.</summary>
public sealed class ClaimContextValidationTests
{
    private static ClaimInput Claim(Func<ClaimInput, ClaimInput>? claim = null, Func<ClaimLineInput, ClaimLineInput>? line = null)
    {
        var input = new ClaimInput
        {
            ClaimId = "CTX-1",
            PayerId = "ACME01",
            PatientId = "P-1",
            BillingProviderNpi = "1234567893",
            PatientBirthDate = "1961-03-17",
            PatientSex = "PATIENT_SEX_FEMALE",
            PlaceOfService = "11",
            DiagnosisCodes = ["F331", "Z0000", "M1711"],
            PriorAuthorization = "PA-2026-0001",
            RenderingProviderTaxonomy = "103T00000X",
            Lines =
            [
                line is null ? Line("1") : line(Line("1")),
                Line("2") with { DiagnosisPointers = [3], PlaceOfService = "02", RenderingProviderTaxonomy = "207q00000x" },
            ],
        };
        return claim is null ? input : claim(input);
    }

    private static ClaimLineInput Line(string id) => new()
    {
        LineId = id, ProcedureCode = "90834", ServiceDate = "2026-07-14", Charge = "120.00", Units = 1, DiagnosisPointers = [1, 2],
    };

    private static Claim Valid(ClaimInput input)
    {
        var claim = ClaimValidator.TryCreate(input, ClaimLimits.Default, out var violations);
        Assert.Empty(violations);
        return claim!;
    }

    private static List<FieldViolation> Violations(ClaimInput input)
    {
        Assert.Null(ClaimValidator.TryCreate(input, ClaimLimits.Default, out var violations));
        return violations;
    }

    [Fact]
    public void TryCreate_FullContext_KeepsItAndLinesInheritOrOverride()
    {
        var claim = Valid(Claim());

        Assert.Equal((new DateOnly(1961, 3, 17), PatientSex.Female, "11", "PA-2026-0001", "103T00000X"),
            (claim.PatientBirthDate, claim.PatientSex, claim.PlaceOfService, claim.PriorAuthorization, claim.RenderingProviderTaxonomy));
        Assert.Equal<string>(["F331", "Z0000", "M1711"], claim.DiagnosisCodes);
        var (first, second) = (claim.Lines[0], claim.Lines[1]);
        Assert.Equal<string>(["F331", "Z0000"], first.DiagnosisCodes);
        Assert.Equal<int>([1, 2], first.DiagnosisPointers);
        Assert.Equal(("11", "103T00000X"), (first.PlaceOfService, first.RenderingProviderTaxonomy));
        Assert.Equal<string>(["M1711"], second.DiagnosisCodes);
        Assert.Equal(("02", "207Q00000X"), (second.PlaceOfService, second.RenderingProviderTaxonomy));
    }

    [Fact]
    public void TryCreate_NoContext_IsTheClaimAsBefore()
    {
        var claim = Valid(new ClaimInput
        {
            ClaimId = "CTX-2", BillingProviderNpi = "1234567893",
            Lines = [new ClaimLineInput { LineId = "1", ProcedureCode = "99213", ServiceDate = "2026-07-14", Charge = "90.00", Units = 1, DiagnosisCodes = ["j06.9"] }],
        });

        Assert.Equal((null, PatientSex.Unspecified, "", "", ""), (claim.PatientBirthDate, claim.PatientSex, claim.PlaceOfService, claim.PriorAuthorization, claim.RenderingProviderTaxonomy));
        Assert.Empty(claim.DiagnosisCodes);
        Assert.Equal(("", ""), (claim.Lines[0].PlaceOfService, claim.Lines[0].RenderingProviderTaxonomy));
        Assert.Equal<string>(["J069"], claim.Lines[0].DiagnosisCodes);
        Assert.Null(claim.AgeOn(new DateOnly(2026, 7, 14)));
    }

    [Theory]
    [InlineData("F331")]
    [InlineData("Z00")]
    [InlineData("M1711")]
    [InlineData("S72001A")]
    [InlineData("u071")]
    [InlineData("T8452XA")]
    public void TryCreate_ClaimDiagnosisInForm_IsKeptUpperCase(string code) =>
        Assert.Equal(code.ToUpperInvariant(), Valid(Claim(c => c with { DiagnosisCodes = [code], Lines = [Line("1") with { DiagnosisPointers = [1] }] })).DiagnosisCodes[0]);

    [Theory]
    [InlineData("F33.1")]
    [InlineData("F3")]
    [InlineData("S72001AB")]
    [InlineData("1F331")]
    [InlineData("FF331")]
    [InlineData("F33-1")]
    [InlineData("F33 1")]
    [InlineData("")]
    [InlineData("Ｆ331")]
    public void TryCreate_ClaimDiagnosisOutOfForm_IsNamed(string code)
    {
        var violation = Assert.Single(Violations(Claim(c => c with { DiagnosisCodes = ["F331", code], Lines = [Line("1") with { DiagnosisPointers = [1] }] })));

        Assert.Equal("claim.diagnosis_codes[1]", violation.Field);
    }

    [Fact]
    public void TryCreate_ThirteenClaimDiagnoses_IsNamedOnce() =>
        Assert.Equal("claim.diagnosis_codes", Assert.Single(Violations(Claim(c => c with { DiagnosisCodes = [.. Enumerable.Repeat("I10", 13)], Lines = [Line("1")] }))).Field);

    [Theory]
    [InlineData(0, "pointers count from 1")]
    [InlineData(-1, "pointers count from 1")]
    [InlineData(4, "points past the claim's 3 diagnosis code(s)")]
    [InlineData(13, "more than the 12 diagnoses an 837P claim carries")]
    [InlineData(int.MaxValue, "more than the 12 diagnoses")]
    public void TryCreate_PointerOutOfRange_IsNamedWithItsIndex(int value, string why)
    {
        var violation = Assert.Single(Violations(Claim(line: l => l with { DiagnosisPointers = [1, value] })));

        Assert.Equal("claim.lines[0].diagnosis_pointers[1]", violation.Field);
        Assert.Contains(why, violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_PointersWithoutClaimDiagnoses_PointPastThem() =>
        Assert.Equal("claim.lines[0].diagnosis_pointers[0]",
            Violations(Claim(c => c with { DiagnosisCodes = [], Lines = [Line("1") with { DiagnosisPointers = [1] }] }))[0].Field);

    [Fact]
    public void TryCreate_FivePointers_IsNamedOnce() =>
        Assert.Equal("claim.lines[0].diagnosis_pointers", Assert.Single(Violations(Claim(line: l => l with { DiagnosisPointers = [1, 2, 3, 1, 2] }))).Field);

    [Fact]
    public void TryCreate_LineWithPointersAndItsOwnCodes_IsRefused()
    {
        var violation = Assert.Single(Violations(Claim(line: l => l with { DiagnosisCodes = ["F331"] })));

        Assert.Equal("claim.lines[0].diagnosis_pointers", violation.Field);
        Assert.Contains("not both", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("F41.1", "F411")]
    [InlineData("z00.00", "Z0000")]
    [InlineData("I10", "I10")]
    public void TryCreate_LineOwnCodesWithTheDot_AreKeptWithoutIt(string sent, string kept) =>
        Assert.Equal(kept, Valid(Claim(line: l => l with { DiagnosisPointers = null, DiagnosisCodes = [sent] })).Lines[0].DiagnosisCodes[0]);

    [Theory]
    [InlineData("F4.11")]
    [InlineData("F41.")]
    [InlineData("123")]
    [InlineData("F41..1")]
    public void TryCreate_LineOwnCodeOutOfForm_IsNamed(string sent) =>
        Assert.Equal("claim.lines[0].diagnosis_codes[0]", Assert.Single(Violations(Claim(line: l => l with { DiagnosisPointers = null, DiagnosisCodes = [sent] }))).Field);

    [Theory]
    [InlineData("1", "claim.place_of_service")]
    [InlineData("111", "claim.place_of_service")]
    [InlineData("00", "claim.place_of_service")]
    [InlineData("1A", "claim.place_of_service")]
    [InlineData("１１", "claim.place_of_service")]
    public void TryCreate_PlaceOfServiceNotTwoDigits_IsNamed(string value, string field) =>
        Assert.Equal(field, Assert.Single(Violations(Claim(c => c with { PlaceOfService = value }))).Field);

    [Fact]
    public void TryCreate_LinePlaceOfServiceNotTwoDigits_IsNamed() =>
        Assert.Equal("claim.lines[0].place_of_service", Assert.Single(Violations(Claim(line: l => l with { PlaceOfService = "O11" }))).Field);

    [Theory]
    [InlineData("103T00000")]
    [InlineData("103T00000XX")]
    [InlineData("103T00000Y")]
    [InlineData("103T-0000X")]
    [InlineData("103T0000ßX")]
    public void TryCreate_TaxonomyOutOfForm_IsNamed(string value)
    {
        Assert.Equal("claim.rendering_provider_taxonomy", Assert.Single(Violations(Claim(c => c with { RenderingProviderTaxonomy = value }))).Field);
        Assert.Equal("claim.lines[0].rendering_provider_taxonomy", Assert.Single(Violations(Claim(line: l => l with { RenderingProviderTaxonomy = value }))).Field);
    }

    [Theory]
    [InlineData("PA\u00011")]
    [InlineData("PA\n1")]
    [InlineData("   ")]
    [InlineData("AUTORISATION-É")]
    [InlineData("123456789012345678901234567890123456789012345678901")]
    public void TryCreate_PriorAuthorizationNotPrintableOrTooLong_IsNamed(string value) =>
        Assert.Equal("claim.prior_authorization", Assert.Single(Violations(Claim(c => c with { PriorAuthorization = value }))).Field);

    [Theory]
    [InlineData("female", PatientSex.Female)]
    [InlineData("M", PatientSex.Male)]
    [InlineData("PATIENT_SEX_UNKNOWN", PatientSex.Unknown)]
    [InlineData("", PatientSex.Unspecified)]
    public void TryCreate_Sex_ReadsEachSpelling(string sent, PatientSex sex) =>
        Assert.Equal(sex, Valid(Claim(c => c with { PatientSex = sent })).PatientSex);

    [Fact]
    public void TryCreate_UnknownSex_IsNamed() =>
        Assert.Equal("claim.patient_sex", Assert.Single(Violations(Claim(c => c with { PatientSex = "X" }))).Field);

    [Theory]
    [InlineData("1961-02-30")]
    [InlineData("17/03/1961")]
    [InlineData("1899-12-31")]
    [InlineData("2026-07-15")]
    public void TryCreate_BadBirthDate_IsNamedWithoutRepeatingIt(string value)
    {
        var violation = Assert.Single(Violations(Claim(c => c with { PatientBirthDate = value })));

        Assert.Equal("claim.patient_birth_date", violation.Field);
        Assert.DoesNotContain(value, violation.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(value, violation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_BirthOnTheDayOfService_IsAge0() =>
        Assert.Equal(0, Valid(Claim(c => c with { PatientBirthDate = "2026-07-14" })).AgeOn(new DateOnly(2026, 7, 14)));

    [Theory]
    [InlineData("1961-07-14", "2026-07-14", 65)]
    [InlineData("1961-07-15", "2026-07-14", 64)]
    [InlineData("2000-02-29", "2026-02-28", 26)]
    [InlineData("2000-02-29", "2026-02-27", 25)]
    [InlineData("2000-02-29", "2028-02-28", 27)]
    [InlineData("2000-02-29", "2028-02-29", 28)]
    public void AgeOn_CountsWholeYears(string born, string on, int age)
    {
        var claim = Valid(Claim(c => c with { PatientBirthDate = born, Lines = [Line("1") with { ServiceDate = "2030-01-01" }] }));

        Assert.Equal(age, claim.AgeOn(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ClaimJson_ReadsTheContextFields()
    {
        var input = ClaimJson.Parse("""
            { "claimId": "J", "billingProviderNpi": "1234567893", "patientBirthDate": "1990-01-02", "patientSex": "PATIENT_SEX_MALE",
              "placeOfService": "21", "diagnosisCodes": ["I10"], "priorAuthorization": "X1", "renderingProviderTaxonomy": "207Q00000X",
              "lines": [ { "lineId": "1", "procedureCode": "99223", "serviceDate": "2026-07-14", "charge": "1.00", "units": 1,
                           "placeOfService": "22", "diagnosisPointers": [1], "renderingProviderTaxonomy": "207R00000X" } ] }
            """);

        var claim = Valid(input);

        Assert.Equal((PatientSex.Male, "21", "X1"), (claim.PatientSex, claim.PlaceOfService, claim.PriorAuthorization));
        Assert.Equal(("22", "207R00000X", "I10"), (claim.Lines[0].PlaceOfService, claim.Lines[0].RenderingProviderTaxonomy, claim.Lines[0].DiagnosisCodes[0]));
    }

    [Fact]
    public void TryCreate_HugeContextFields_AreRefusedByLengthBeforeTheyAreRead()
    {
        var huge = new string('9', 100_000);
        var violations = Violations(Claim(c => c with { PatientBirthDate = huge, PlaceOfService = huge, DiagnosisCodes = [huge] }));

        Assert.Equal(["claim.patient_birth_date", "claim.place_of_service", "claim.diagnosis_codes[0]"], violations.Select(v => v.Field));
        Assert.All(violations, v => Assert.DoesNotContain("999999", v.Description, StringComparison.Ordinal));
    }
}
