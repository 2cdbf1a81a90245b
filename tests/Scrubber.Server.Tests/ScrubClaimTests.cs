using Grpc.Core;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>ScrubClaim end to end: a real gRPC client against the real host on the shipped sample tables.</summary>
public sealed class ScrubClaimTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ClaimScrubber.ClaimScrubberClient Client => fixture.Server.Scrubber;

    [Fact]
    public async Task ScrubClaim_IndicatorZeroPair_ReturnsHardStopWithTheTableRow()
    {
        var response = await Client.ScrubClaimAsync(ProtoClaims.Of("2023-06-15", "0001A", "36591").Request());

        Assert.Equal(Disposition.HardStop, response.Disposition);
        Assert.True(Guid.TryParse(response.ScrubId, out _));
        Assert.Equal("ccipra-v322r0", response.NcciVersion);
        var edit = Assert.Single(response.Edits);
        Assert.Equal("NCCI_PTP", edit.EditType);
        Assert.Equal(Severity.HardStop, edit.Severity);
        Assert.Equal(("L2", "L1"), (edit.LineId, edit.RelatedLineId));
        Assert.Equal(("0001A", "36591", 0), (edit.Column1Code, edit.Column2Code, edit.ModifierIndicator));
        Assert.Equal(("2022-01-01", "2023-12-31"), (edit.EffectiveDate, edit.DeletionDate));
        Assert.Equal("CPT Manual or CMS manual coding instruction", edit.Rationale);
        Assert.Equal(("ccipra-v322r0", "ccipra-v322r0"), (edit.TableVersion, edit.Source));
        Assert.Empty(edit.SuggestedModifiers);
        Assert.Contains("Remove line L2", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScrubClaim_IndicatorOneWithEm_IsAHardStopWith25OnTheEmLine()
    {
        var response = await Client.ScrubClaimAsync(ProtoClaims.Of("2023-06-15", "99213", "0001A").Request());

        Assert.Equal(Disposition.HardStop, response.Disposition);
        var edit = Assert.Single(response.Edits);
        Assert.Equal(("L1", "L2", 1), (edit.LineId, edit.RelatedLineId, edit.ModifierIndicator));
        var suggestion = Assert.Single(edit.SuggestedModifiers);
        Assert.Equal(("25", "L1"), (suggestion.Modifier, suggestion.LineId));
    }

    [Fact]
    public async Task ScrubClaim_BypassedByModifier_IsCleanWithAnInfoEdit()
    {
        var response = await Client.ScrubClaimAsync(ProtoClaims.Of("2026-07-01", "0001U", "0030U-xs").Request());

        Assert.Equal(Disposition.Clean, response.Disposition);
        var edit = Assert.Single(response.Edits);
        Assert.Equal(("NCCI_PTP_BYPASSED", Severity.Info, "XS"), (edit.EditType, edit.Severity, edit.BypassModifier));
        Assert.Equal(string.Empty, edit.DeletionDate);
    }

    [Fact]
    public async Task ScrubClaim_OutpatientSetting_UsesTheOutpatientTable()
    {
        var outpatient = ProtoClaims.Of("2026-07-01", "0002M", "80047");
        outpatient.Setting = Setting.OutpatientHospital;
        var professional = ProtoClaims.Of("2026-07-01", "0002M", "80047");

        var hospital = await Client.ScrubClaimAsync(outpatient.Request());
        var practitioner = await Client.ScrubClaimAsync(professional.Request());

        Assert.Equal(Disposition.HardStop, hospital.Disposition);
        Assert.Equal("ccioph-v323r0", hospital.NcciVersion);
        Assert.Equal("ccioph-v323r0", Assert.Single(hospital.Edits).TableVersion);
        Assert.Equal(Disposition.Clean, practitioner.Disposition);
        Assert.Equal("ccipra-v322r0", practitioner.NcciVersion);
    }

    [Fact]
    public async Task ScrubClaims_Stream_AnswersEachClaimInOrderAndAnInvalidOneInPlace()
    {
        var claims = new[]
        {
            ProtoClaims.Of("2023-06-15", "0001A", "36591"),
            ProtoClaims.Of("2026-07-01", "0001U", "bad"),
            ProtoClaims.Of("2026-07-01", "99213"),
        };
        using var call = Client.ScrubClaims();

        foreach (var claim in claims)
        {
            await call.RequestStream.WriteAsync(claim.Request());
        }

        await call.RequestStream.CompleteAsync();
        var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(claims.Select(c => c.ClaimId), responses.Select(r => r.ClaimId));
        Assert.Equal(Disposition.HardStop, responses[0].Disposition);
        Assert.Equal(Disposition.Unspecified, responses[1].Disposition);
        Assert.Equal("claim.lines[1].procedure_code", Assert.Single(responses[1].Violations).Field);
        Assert.Empty(responses[1].ScrubId);
        Assert.Equal(Disposition.Clean, responses[2].Disposition);
    }

    [Fact]
    public async Task ScrubClaim_ManyConcurrentCalls_EachGetsItsOwnAnswer()
    {
        var calls = Enumerable.Range(0, 64).Select(async i =>
        {
            var claim = i % 2 == 0 ? ProtoClaims.Of("2023-06-15", "0001A", "36591") : ProtoClaims.Of("2026-07-01", "99213");
            var response = await Client.ScrubClaimAsync(claim.Request());
            return (i, response);
        });

        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(r.i % 2 == 0 ? Disposition.HardStop : Disposition.Clean, r.response.Disposition));
        Assert.Equal(64, results.Select(r => r.response.ScrubId).Distinct().Count());
    }
}
