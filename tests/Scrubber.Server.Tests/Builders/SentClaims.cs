using Grpc.Net.Client;
using Scrubber.Testing;
using Scrubber.V1;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests.Builders;

/// <summary>Claims scrubbed and confirmed as sent through a running server, as a PM system does before an 835 comes back.</summary>
public static class SentClaims
{
    public static Task<(Claim Claim, ScrubClaimResponse Response)> ScrubAndConfirm(RunningServer server, Claim claim) => ScrubAndConfirm(server.Channel, claim);

    public static async Task<(Claim Claim, ScrubClaimResponse Response)> ScrubAndConfirm(GrpcChannel channel, Claim claim)
    {
        var response = await new ClaimScrubber.ClaimScrubberClient(channel).ScrubClaimAsync(claim.Request());
        var confirmed = await new OutcomesClient(channel).ConfirmSubmissionAsync(new ConfirmSubmissionRequest { ScrubId = response.ScrubId });
        Assert.Equal(claim.ClaimId, confirmed.ClaimId);
        return (claim, response);
    }
}
