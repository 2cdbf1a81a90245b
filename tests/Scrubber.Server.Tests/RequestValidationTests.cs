using Google.Rpc;
using Grpc.Core;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>A malformed claim gets INVALID_ARGUMENT with google.rpc.BadRequest naming the field, never INTERNAL.</summary>
public sealed class RequestValidationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string> Cases => new()
    {
        { "no claim id", "claim.claim_id" },
        { "no lines", "claim.lines" },
        { "duplicate line id", "claim.lines[1].line_id" },
        { "bad date", "claim.lines[0].service_date" },
        { "impossible date", "claim.lines[0].service_date" },
        { "short code", "claim.lines[0].procedure_code" },
        { "code with punctuation", "claim.lines[0].procedure_code" },
        { "three-character modifier", "claim.lines[0].modifiers[0]" },
        { "five modifiers", "claim.lines[0].modifiers" },
        { "too many lines", "claim.lines" },
        { "bad billing npi", "claim.billing_provider_npi" },
        { "bad rendering npi", "claim.lines[0].rendering_provider_npi" },
        { "negative charge", "claim.lines[0].charge" },
        { "charge with cents fractions", "claim.lines[0].charge" },
        { "zero units", "claim.lines[0].units" },
        { "unknown setting", "claim.setting" },
        { "overlong claim id", "claim.claim_id" },
        { "birth date not a date", "claim.patient_birth_date" },
        { "birth date after the service", "claim.patient_birth_date" },
        { "unknown sex", "claim.patient_sex" },
        { "place of service of one digit", "claim.place_of_service" },
        { "line place of service of letters", "claim.lines[0].place_of_service" },
        { "claim diagnosis with a dot", "claim.diagnosis_codes[0]" },
        { "claim diagnosis starting with a digit", "claim.diagnosis_codes[1]" },
        { "thirteen claim diagnoses", "claim.diagnosis_codes" },
        { "pointer 0", "claim.lines[0].diagnosis_pointers[0]" },
        { "negative pointer", "claim.lines[1].diagnosis_pointers[1]" },
        { "pointer past the claim's diagnoses", "claim.lines[2].diagnosis_pointers[0]" },
        { "pointer 13", "claim.lines[0].diagnosis_pointers[0]" },
        { "five pointers", "claim.lines[0].diagnosis_pointers" },
        { "pointers and the line's own codes", "claim.lines[0].diagnosis_pointers" },
        { "taxonomy of nine characters", "claim.rendering_provider_taxonomy" },
        { "line taxonomy without the final X", "claim.lines[1].rendering_provider_taxonomy" },
        { "prior authorization with a control character", "claim.prior_authorization" },
        { "prior authorization of 51 characters", "claim.prior_authorization" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ScrubClaim_MalformedClaim_IsInvalidArgumentNamingTheField(string problem, string field)
    {
        var claim = ProtoClaims.Of("2026-07-01", "0001U", "0030U", "99213");
        Break(claim, problem);

        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Server.Scrubber.ScrubClaimAsync(claim.Request()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(field, ex.Status.Detail, StringComparison.Ordinal);
        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(badRequest.FieldViolations, v => v.Field == field && v.Description.Length > 0);
    }

    [Theory]
    [InlineData("100000000.00", 1d, "claim.lines[0].charge", "'100000000.00' is not a dollar amount such as 150.00 (at most 99,999,999.99)")]
    [InlineData("100000000000000000000", 1d, "claim.lines[0].charge", "'100000000000000000000' is not a dollar amount such as 150.00 (at most 99,999,999.99)")]
    [InlineData("120.00", 100000d, "claim.lines[0].units", "100000 is not a unit count above 0 and at most 99999")]
    [InlineData("120.00", double.PositiveInfinity, "claim.lines[0].units", "Infinity is not a unit count above 0 and at most 99999")]
    public async Task ScrubClaim_ChargeOrUnitsBeyondTheirBound_IsInvalidArgumentNamingTheBound_AndScrubsGoOn(string charge, double units, string field, string description)
    {
        var claim = ProtoClaims.Of("2026-07-01", "0001U", "0030U");
        claim.Lines[0].Charge = charge;
        claim.Lines[0].Units = units;

        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Server.Scrubber.ScrubClaimAsync(claim.Request()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal((field, description), (violation.Field, violation.Description));
        var next = await fixture.Server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-07-01", "0001U", "0030U").Request());
        Assert.NotEqual(Disposition.Unspecified, next.Disposition);
    }

    [Fact]
    public async Task ScrubClaim_NoClaimAtAll_IsInvalidArgument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Server.Scrubber.ScrubClaimAsync(new ScrubClaimRequest()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("claim", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task ScrubClaim_SeveralBadFields_ReportsEveryOne()
    {
        var claim = ProtoClaims.Of("2026-07-01", "0001U", "0030U");
        claim.ClaimId = string.Empty;
        claim.Lines[0].ServiceDate = "07/01/2026";
        claim.Lines[1].ProcedureCode = "30";

        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Server.Scrubber.ScrubClaimAsync(claim.Request()).ResponseAsync);

        var fields = ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field);
        Assert.Equal(["claim.claim_id", "claim.lines[0].service_date", "claim.lines[1].procedure_code"], fields);
        Assert.Contains("'07/01/2026' is not a YYYY-MM-DD date", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScrubClaim_RejectedClaim_NeverLogsThePatientId()
    {
        var claim = ProtoClaims.Of("2026-07-01", "0001U", "0030U");
        claim.PatientId = "PATIENT-SECRET-4242";
        claim.Lines[0].ServiceDate = "bad";

        await Assert.ThrowsAsync<RpcException>(() => fixture.Server.Scrubber.ScrubClaimAsync(claim.Request()).ResponseAsync);

        Assert.DoesNotContain(fixture.Server.Logs.Lines, l => l.Contains("PATIENT-SECRET-4242", StringComparison.Ordinal));
        Assert.Contains(fixture.Server.Logs.Lines, l => l.Contains("claim.lines[0].service_date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScrubClaim_BadBirthDate_IsNamedButNeitherRepeatedNorLogged()
    {
        var claim = ProtoClaims.Of("2026-07-01", "0001U");
        claim.PatientBirthDate = "1957-13-31";

        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Server.Scrubber.ScrubClaimAsync(claim.Request()).ResponseAsync);

        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("claim.patient_birth_date", violation.Field);
        Assert.DoesNotContain("1957", violation.Description + ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(fixture.Server.Logs.Lines, l => l.Contains("claim.patient_birth_date", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Server.Logs.Lines, l => l.Contains("1957-13-31", StringComparison.Ordinal));
    }

    /// <summary>Gives the claim one diagnosis and line <paramref name="index"/> <paramref name="pointers"/> in place of its own codes.</summary>
    private static void PointTo(Claim claim, int index, params int[] pointers)
    {
        claim.DiagnosisCodes.Add("F331");
        claim.Lines[index].DiagnosisCodes.Clear();
        claim.Lines[index].DiagnosisPointers.Add(pointers);
    }

    private static void Break(Claim claim, string problem)
    {
        var line = claim.Lines[0];
        switch (problem)
        {
            case "no claim id": claim.ClaimId = ""; break;
            case "no lines": claim.Lines.Clear(); break;
            case "duplicate line id": claim.Lines[1].LineId = line.LineId; break;
            case "bad date": line.ServiceDate = "2026-7-1"; break;
            case "impossible date": line.ServiceDate = "2026-02-30"; break;
            case "short code": line.ProcedureCode = "9921"; break;
            case "code with punctuation": line.ProcedureCode = "99.13"; break;
            case "three-character modifier": line.Modifiers.Add("591"); break;
            case "five modifiers": line.Modifiers.AddRange(["RT", "59", "XS", "76", "77"]); break;
            case "too many lines":
                for (var i = 0; i < 60; i++)
                {
                    claim.Lines.Add(new ClaimLine { LineId = $"X{i}", ProcedureCode = "99213", ServiceDate = "2026-07-01", Charge = "1", Units = 1 });
                }

                break;
            case "bad billing npi": claim.BillingProviderNpi = "1234567890"; break;
            case "bad rendering npi": line.RenderingProviderNpi = "12345"; break;
            case "negative charge": line.Charge = "-5.00"; break;
            case "charge with cents fractions": line.Charge = "10.005"; break;
            case "zero units": line.Units = 0; break;
            case "unknown setting": claim.Setting = (Setting)9; break;
            case "overlong claim id": claim.ClaimId = new string('C', 39); break;
            case "birth date not a date": claim.PatientBirthDate = "1961-02-30"; break;
            case "birth date after the service": claim.PatientBirthDate = "2026-07-02"; break;
            case "unknown sex": claim.PatientSex = (PatientSex)9; break;
            case "place of service of one digit": claim.PlaceOfService = "1"; break;
            case "line place of service of letters": line.PlaceOfService = "OF"; break;
            case "claim diagnosis with a dot": claim.DiagnosisCodes.Add("F33.1"); break;
            case "claim diagnosis starting with a digit": claim.DiagnosisCodes.Add(["F331", "3F31"]); break;
            case "thirteen claim diagnoses": claim.DiagnosisCodes.Add(Enumerable.Repeat("I10", 13)); break;
            case "pointer 0": PointTo(claim, 0, 0); break;
            case "negative pointer": PointTo(claim, 1, 1, -1); break;
            case "pointer past the claim's diagnoses": PointTo(claim, 2, 2); break;
            case "pointer 13": PointTo(claim, 0, 13); break;
            case "five pointers": PointTo(claim, 0, 1, 1, 1, 1, 1); break;
            case "pointers and the line's own codes": PointTo(claim, 0, 1); line.DiagnosisCodes.Add("F331"); break;
            case "taxonomy of nine characters": claim.RenderingProviderTaxonomy = "103T0000X"; break;
            case "line taxonomy without the final X": claim.Lines[1].RenderingProviderTaxonomy = "103T000000"; break;
            case "prior authorization with a control character": claim.PriorAuthorization = "PA\u00071"; break;
            case "prior authorization of 51 characters": claim.PriorAuthorization = new string('A', 51); break;
            default: throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
        }
    }
}
