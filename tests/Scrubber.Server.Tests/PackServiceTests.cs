using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Payer packs through the real host: their edits end to end, status, reload, and live swaps under load.</summary>
public sealed class PackServiceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ScrubClaim_PayerWithAPack_ReturnsThePackEditNamingPackVersionAndRule()
    {
        var claim = ProtoClaims.Of("2026-07-14", "99213", "93000");
        claim.PayerId = "ACME01";

        var response = await fixture.Server.Scrubber.ScrubClaimAsync(claim.Request());

        Assert.Matches("^acme-commercial@[0-9a-f]{12}$", response.Pack);
        var edit = Assert.Single(response.Edits);
        Assert.Equal(("PAYER_BUNDLE", Severity.Warning, "L2", "L1"), (edit.EditType, edit.Severity, edit.LineId, edit.RelatedLineId));
        Assert.Equal(("99213", "93000"), (edit.Column1Code, edit.Column2Code));
        Assert.Equal("ecg-with-office-visit-needs-25", edit.Rule);
        Assert.Equal($"{response.Pack}/ecg-with-office-visit-needs-25", edit.Source);
        Assert.Equal(("25", "L1"), (edit.SuggestedModifiers[0].Modifier, edit.SuggestedModifiers[0].LineId));
    }

    [Fact]
    public async Task ScrubClaim_PayerWithoutAPack_GetsNcciAlone()
    {
        var claim = ProtoClaims.Of("2026-07-14", "99213", "93000");
        claim.PayerId = "NO-SUCH-PAYER";

        var response = await fixture.Server.Scrubber.ScrubClaimAsync(claim.Request());

        Assert.Empty(response.Pack);
        Assert.Equal(Disposition.Clean, response.Disposition);
    }

    [Fact]
    public async Task GetStatus_ListsTheLivePacksWithVersionsPayersAndRules()
    {
        var status = await fixture.Server.Admin.GetStatusAsync(new GetStatusRequest());

        Assert.Equal(["acme-commercial", "brightpath-health", "mindwell-behavioral"], status.Packs.Select(p => p.Id));
        var acme = status.Packs[0];
        Assert.Equal(["ACME01", "ACME02"], acme.Payers);
        Assert.Equal(7, acme.Rules.Count);
        Assert.Equal(12, acme.Examples);
        Assert.Equal("claimSetting", acme.NcciTable);
        Assert.Equal("practitioner", status.Packs[1].NcciTable);
        Assert.Empty(status.PackRejections);
        Assert.NotEmpty(status.PacksLoadedAt);
    }
}
