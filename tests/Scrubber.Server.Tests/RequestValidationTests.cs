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
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ScrubClaim_MalformedClaim_IsInvalidArgumentNamingTheField(string problem, string field)
    {
        var claim = ProtoClaims.Of("2026-07-01", "0001U", "0030U");
        Break(claim, problem);

        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Server.Scrubber.ScrubClaimAsync(claim.Request()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(field, ex.Status.Detail, StringComparison.Ordinal);
        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(badRequest.FieldViolations, v => v.Field == field && v.Description.Length > 0);
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
            default: throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
        }
    }
}
