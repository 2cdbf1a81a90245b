using Scrubber.Core.Claims;
using Scrubber.Core.Packs;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Packs.Sandbox;
using Scrubber.Core.Packs.Vocabulary;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>What rules see of the claim context (age, sex, place of service, diagnoses, taxonomy, prior
/// authorization) and of the patient's sent history, evaluated as the pack evaluates them.</summary>
public sealed class ContextVocabularyTests
{
    private const string ClinicianA = "1987654328";
    private const string ClinicianB = "1765432103";

    private static Claim ClaimOf(Func<ClaimInput, ClaimInput>? change = null)
    {
        var input = new ClaimInput
        {
            ClaimId = "VOC-1",
            PayerId = "ACME01",
            PatientId = "P-1",
            BillingProviderNpi = "1234567893",
            PatientBirthDate = "1961-07-15",
            PatientSex = "F",
            PlaceOfService = "11",
            DiagnosisCodes = ["F331", "Z0000"],
            PriorAuthorization = "PA-1",
            RenderingProviderTaxonomy = "103T00000X",
            Lines =
            [
                new ClaimLineInput { LineId = "1", ProcedureCode = "90834", ServiceDate = "2026-07-14", RenderingProviderNpi = ClinicianA, Charge = "120.00", Units = 1, DiagnosisPointers = [2, 1] },
                new ClaimLineInput { LineId = "2", ProcedureCode = "90837", ServiceDate = "2026-07-14", RenderingProviderNpi = ClinicianB, Charge = "180.00", Units = 1, PlaceOfService = "02", RenderingProviderTaxonomy = "1041C0700X", DiagnosisCodes = ["f41.1"] },
                new ClaimLineInput { LineId = "3", ProcedureCode = "90832", ServiceDate = "2026-07-15", RenderingProviderNpi = ClinicianA, Charge = "90.00", Units = 1 },
            ],
        };
        var claim = ClaimValidator.TryCreate(change is null ? input : change(input), ClaimLimits.Default, out var violations);
        Assert.Empty(violations);
        return claim!;
    }

    private static PriorLine Sent(string code, string date, double units = 1, string claimId = "SENT-1") =>
        new(claimId, "1234567893", new ClaimLine("1", HcpcsCode.Parse(code), [], DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), ClinicianB, 100m, units, []));

    private static object? Value(string expression, Claim claim, int line = 0, IReadOnlyList<PriorLine>? history = null)
    {
        // Evaluated through the checked tree, as a scrub runs a rule, so what the sandbox accepts is what is measured.
        var verdict = ExpressionSandbox.Check($"({expression}) == ({expression})", RuleScope.Line, PackLimits.Default);
        Assert.Null(verdict.Problem);
        var facts = ClaimFacts.Of(claim, ProviderScope.RenderingNpi, history);
        var body = (System.Linq.Expressions.BinaryExpression)verdict.Checked!.Body;
        var read = System.Linq.Expressions.Expression.Lambda(System.Linq.Expressions.Expression.Convert(body.Left, typeof(object)), verdict.Checked.Inputs).Compile();
        return read.DynamicInvoke(facts.Lines[line], facts);
    }

    private static bool Fires(string expression, Claim claim, int line = 0, IReadOnlyList<PriorLine>? history = null)
    {
        var verdict = ExpressionSandbox.Check(expression, RuleScope.Line, PackLimits.Default);
        Assert.Null(verdict.Problem);
        var facts = ClaimFacts.Of(claim, ProviderScope.RenderingNpi, history);
        return verdict.Checked!.Compile()(PackCompiler.Arguments(RuleScope.Line, facts.Lines[line], null, facts));
    }

    [Fact]
    public void PatientAge_IsWholeYearsAtEachDateOfService()
    {
        var claim = ClaimOf();

        Assert.Equal(64, Value("claim.PatientAge", claim));
        Assert.Equal(64, Value("line.PatientAge", claim, line: 0));
        Assert.Equal(65, Value("line.PatientAge", claim, line: 2));
        Assert.True(Fires("line.PatientAge >= 65", claim, line: 2));
        Assert.False(Fires("line.PatientAge >= 65", claim, line: 0));
    }

    [Fact]
    public void PatientAge_WithoutABirthDate_IsNullAndComparisonsDoNotFire()
    {
        var claim = ClaimOf(c => c with { PatientBirthDate = null });

        Assert.Null(Value("claim.PatientAge", claim));
        Assert.False(Fires("claim.PatientAge < 18", claim));
        Assert.False(Fires("line.PatientAge >= 18", claim));
        Assert.True(Fires("claim.PatientAge == null && line.PatientAge == null", claim));
    }

    [Theory]
    [InlineData("F", "female")]
    [InlineData("PATIENT_SEX_MALE", "male")]
    [InlineData("U", "unknown")]
    [InlineData(null, "")]
    public void PatientSex_IsAWord(string? sent, string seen) =>
        Assert.Equal(seen, Value("claim.PatientSex", ClaimOf(c => c with { PatientSex = sent })));

    [Fact]
    public void PlaceOfService_LineOverridesTheClaim()
    {
        var claim = ClaimOf();

        Assert.Equal(("11", "11", "02"), (Value("claim.PlaceOfService", claim), Value("line.PlaceOfService", claim, 0), Value("line.PlaceOfService", claim, 1)));
        Assert.Equal("", Value("line.PlaceOfService", ClaimOf(c => c with { PlaceOfService = null })));
    }

    [Fact]
    public void Diagnoses_ResolveThroughPointers_ElseTheLinesOwn_AndDiagnosisCodesIsTheSame()
    {
        var claim = ClaimOf();

        Assert.Equal("F331", Value("claim.PrimaryDiagnosis", claim));
        Assert.Equal(new[] { "Z0000", "F331" }, Value("line.Diagnoses", claim, 0));
        Assert.Equal(new[] { "Z0000", "F331" }, Value("line.DiagnosisCodes", claim, 0));
        Assert.Equal(new[] { "F411" }, Value("line.Diagnoses", claim, 1));
        Assert.True(Fires("line.Diagnoses.Contains(\"F331\") && line.HasDiagnosisStartingWith(\"Z00.0\")", claim, 0));
        Assert.True(Fires("line.Diagnoses.Length == 0", claim, 2));
        Assert.Equal("", Value("claim.PrimaryDiagnosis", ClaimOf(c => c with { DiagnosisCodes = null, Lines = [c.Lines![1]] })));
    }

    [Fact]
    public void HasPriorAuth_IsWhetherANumberWasSent()
    {
        Assert.True(Fires("claim.HasPriorAuth", ClaimOf()));
        Assert.False(Fires("claim.HasPriorAuth", ClaimOf(c => c with { PriorAuthorization = "" })));
    }

    [Fact]
    public void Taxonomy_LineOverridesTheClaim()
    {
        var claim = ClaimOf();

        Assert.Equal(("103T00000X", "103T00000X", "1041C0700X"), (Value("claim.Taxonomy", claim), Value("line.Taxonomy", claim, 0), Value("line.Taxonomy", claim, 1)));
    }

    [Fact]
    public void OtherProviderSameDayHasCode_SeesOtherCliniciansOnTheSameDayOnly()
    {
        var claim = ClaimOf();

        Assert.True(Fires("line.OtherProviderSameDayHasCode(\"90837\")", claim, 0));
        Assert.True(Fires("line.OtherProviderSameDayHasCode(\"90834\")", claim, 1));
        Assert.False(Fires("line.OtherProviderSameDayHasCode(\"90834 90832\")", claim, 0), "its own line and another day's are not another provider's same day");
        Assert.False(Fires("line.SameDayHasCode(\"90837\")", claim, 0), "same-day helpers stay with the same provider");
    }

    [Fact]
    public void TimesBilled_CountsSentLinesFromThatManyDaysBeforeToTheDateOfService()
    {
        var claim = ClaimOf();
        PriorLine[] history =
        [
            Sent("90834", "2025-07-14"), Sent("90834", "2025-07-15"), Sent("90834", "2026-07-14"), Sent("90834", "2026-07-20"),
            Sent("90832", "2026-01-02"), Sent("99213", "2026-07-01"),
        ];

        Assert.Equal(2, Value("line.TimesBilled(\"90834\", 364)", claim, 0, history));
        Assert.Equal(3, Value("line.TimesBilled(\"90834\", 365)", claim, 0, history));
        Assert.Equal(4, Value("line.TimesBilled(\"90834 90832\", 365)", claim, 0, history));
        Assert.Equal(1, Value("line.TimesBilled(\"90834\", 0)", claim, 0, history));
        Assert.Equal(0, Value("line.TimesBilled(\"90834\", 365)", claim, 0, []));
    }

    [Fact]
    public void UnitsBilledOn_AddsTheUnitsOfThatDay()
    {
        var claim = ClaimOf();
        PriorLine[] history = [Sent("90837", "2026-07-14", 1), Sent("90837", "2026-07-14", 2, "SENT-2"), Sent("90837", "2026-07-13", 4), Sent("90834", "2026-07-14", 8)];

        Assert.Equal(3.0, Value("line.UnitsBilledOn(\"90837\", line.ServiceDate)", claim, 0, history));
        Assert.Equal(11.0, Value("line.UnitsBilledOn(\"90837 90834\", line.ServiceDate)", claim, 0, history));
        Assert.Equal(4.0, Value("line.UnitsBilledOn(\"90837\", DateTime(2026, 7, 13))", claim, 0, history));
        Assert.Equal(0.0, Value("line.UnitsBilledOn(\"90837\", DateTime(2026, 7, 12))", claim, 0, history));
    }

    [Fact]
    public void LastBilled_IsTheLatestDateOnOrBeforeTheLines_ElseNull()
    {
        var claim = ClaimOf();
        PriorLine[] history = [Sent("G0439", "2025-03-01"), Sent("G0439", "2026-02-01"), Sent("G0439", "2026-07-20"), Sent("G0438", "2024-01-01")];

        Assert.Equal(new DateTime(2026, 2, 1), Value("line.LastBilled(\"G0439\")", claim, 0, history));
        Assert.Equal(new DateTime(2026, 2, 1), Value("line.LastBilled(\"G0438 G0439\")", claim, 0, history));
        Assert.Null(Value("line.LastBilled(\"G0402\")", claim, 0, history));
        Assert.True(Fires("line.LastBilled(\"G0402\") == null && line.LastBilled(\"G0439\") > DateTime(2026, 1, 1)", claim, 0, history));
        Assert.False(Fires("line.LastBilled(\"G0402\") > DateTime(2026, 1, 1)", claim, 0, history));
    }

    [Theory]
    [InlineData("claim.PatientAge == \"12\"", "\"12\" is text, but claim.PatientAge is a number (or null): write the number without quotes")]
    [InlineData("line.PatientAge > \"64\"", "\"64\" is text, but line.PatientAge is a number (or null)")]
    [InlineData("line.TimesBilled(\"G0438\", 365) > \"0\"", "\"0\" is text, but line.TimesBilled(\"G0438\", 365) is a number")]
    [InlineData("claim.PlaceOfService == 11", "== cannot compare text with a number")]
    [InlineData("claim.PatientSex == 1", "== cannot compare text with a number")]
    [InlineData("claim.HasPriorAuth == \"yes\"", "\"yes\" is text, but it is compared with true/false")]
    [InlineData("line.TimesBilled(\"G0438\", \"365\") > 0", "TimesBilled does not take these arguments")]
    [InlineData("line.UnitsBilledOn(\"G0438\", \"2026-07-01\") > 0", "UnitsBilledOn does not take these arguments")]
    public void Check_ValueOfTheWrongType_DoesNotCompileNamingIt(string expression, string because) =>
        Assert.StartsWith("expression does not compile: " + because, ExpressionSandbox.Check(expression, RuleScope.Line, PackLimits.Default).Problem, StringComparison.Ordinal);

    [Theory]
    [InlineData("line.LastBilled(\"G0438\") > \"2026-01-01\"", "a date is written DateTime(year, month, day), not as text")]
    [InlineData("line.TimesBilled(\"G0438\", 367) > 0", "TimesBilled looks back 367 days; it takes 0 to 366")]
    [InlineData("line.TimesBilled(\"G0438\", -1) > 0", "TimesBilled looks back -1 days")]
    public void Check_DateAsTextOrLookBackPastTheHistory_IsRefused(string expression, string because) =>
        Assert.StartsWith("expression refused: " + because, ExpressionSandbox.Check(expression, RuleScope.Line, PackLimits.Default).Problem, StringComparison.Ordinal);

    [Fact]
    public void Check_TextComparedWithText_StaysAccepted() =>
        Assert.Null(ExpressionSandbox.Check("claim.PlaceOfService == \"11\" && line.Code == \"90834\" && claim.PatientSex != \"\"", RuleScope.Line, PackLimits.Default).Problem);

    [Theory]
    [InlineData("line.TimesBilled(\"G0438 G0439\", 365) > 0", true)]
    [InlineData("line.UnitsBilledOn(\"90837\", line.ServiceDate) > 0", true)]
    [InlineData("line.LastBilled(\"G0438\") == null", true)]
    [InlineData("claim.PatientAge >= 65 && line.PlaceOfService == \"11\"", false)]
    public void Check_HistoryHelpers_MarkTheRuleAsReadingHistory(string expression, bool reads) =>
        Assert.Equal(reads, ExpressionSandbox.Check(expression, RuleScope.Line, PackLimits.Default).ReadsHistory);

    [Fact]
    public void Cost_HistoryHelper_Is12AListedCode()
    {
        var one = ExpressionSandbox.Check("line.TimesBilled(\"G0438\", 365) > 0", RuleScope.Line, PackLimits.Default).Weight;
        var three = ExpressionSandbox.Check("line.TimesBilled(\"G0438 G0439 G0402\", 365) > 0", RuleScope.Line, PackLimits.Default).Weight;

        Assert.Equal(24, three - one);
    }
}
