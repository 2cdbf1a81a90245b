using Scrubber.Testing;
using Scrubber.V1;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests.Builders;

/// <summary>Claims scrubbed and confirmed as sent through a running server, as a PM system does before an 835 comes back.</summary>
public static class SentClaims
{
    public static async Task<(Claim Claim, ScrubClaimResponse Response)> ScrubAndConfirm(RunningServer server, Claim claim)
    {
        var response = await server.Scrubber.ScrubClaimAsync(claim.Request());
        var confirmed = await new OutcomesClient(server.Channel).ConfirmSubmissionAsync(new ConfirmSubmissionRequest { ScrubId = response.ScrubId });
        Assert.Equal(claim.ClaimId, confirmed.ClaimId);
        return (claim, response);
    }
}
