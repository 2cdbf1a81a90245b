using Google.Protobuf;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;
using FeedbackClient = Scrubber.V1.Feedback.FeedbackClient;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>Claims that follow a sent claim, through the real host on the bundled sample tables: an indicator-1 pair
/// whose column 2 code comes on the new claim, and a denial on a sent claim that a confirmed replacement works.</summary>
public sealed class AcrossClaimsEndToEndTests : IAsyncLifetime
{
    private const string Day = "2026-07-01";
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task IndicatorOneAcrossClaims_ModifierOnTheNewColumnTwoLine_BypassesNamingTheEarlierClaim()
    {
        var earlier = ProtoClaims.Of(Day, "0001U");
        await SentClaims.ScrubAndConfirm(Server, earlier);

        var marked = await Scrub(ProtoClaims.Of(Day, "85025", "0030U-XE").ForPatient(earlier.PatientId));

        Assert.Equal(Disposition.Clean, marked.Disposition);
        var bypass = Assert.Single(marked.Edits);
        Assert.Equal(("NCCI_PTP_BYPASSED", "XE", "L2"), (bypass.EditType, bypass.BypassModifier, bypass.LineId));
        Assert.Equal((earlier.ClaimId, "L1", RecommendedAction.KeepDocumentation), (bypass.RelatedClaimId, bypass.RelatedLineId, bypass.RecommendedAction));
    }

    [Fact]
    public async Task IndicatorOneAcrossClaims_WithoutAModifier_AdvisesTheModifierOnTheNewLineOnly()
    {
        var earlier = ProtoClaims.Of(Day, "0001U");
        await SentClaims.ScrubAndConfirm(Server, earlier);
        var claim = ProtoClaims.Of(Day, "85025", "0030U").ForPatient(earlier.PatientId);

        var response = await Scrub(claim);

        var edit = Assert.Single(response.Edits);
        Assert.Equal(("NCCI_PTP", "L2", earlier.ClaimId), (edit.EditType, edit.LineId, edit.RelatedClaimId));
        Assert.NotEmpty(edit.SuggestedModifiers);
        Assert.All(edit.SuggestedModifiers, s => Assert.Equal((claim.ClaimId, "L2"), (s.ClaimId, s.LineId)));
    }

    [Fact]
    public async Task ConfirmedReplacement_WorksTheOriginalsDenialAsCorrectedClaimSent_InTheReports()
    {
        var original = ProtoClaims.Of(Day, "0001U", "0030U");
        await SentClaims.ScrubAndConfirm(Server, original);
        var outcomes = new OutcomesClient(Server.Channel);
        var remit = new Remittance835Writer(seed: 9).Write([RemitSpecs.DeniedSecondLine(original, "ICN-O")], new DateOnly(2026, 7, 20));
        var ingested = await outcomes.IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(remit), FileName = "era-0720.835" });
        Assert.Equal(1, ingested.DeniedLines);
        Assert.Equal(["unworked"], (await DenialRow()).Resolutions.Keys);

        var replacement = ProtoClaims.Of(Day, "0001U", "0030U-XU").ForPatient(original.PatientId);
        (replacement.Frequency, replacement.OriginalClaimId, replacement.PayerClaimControlNumber) = (ClaimFrequency.Replacement, original.ClaimId, "ICN-O");
        var draft = await Scrub(replacement);
        Assert.Equal(["unworked"], (await DenialRow()).Resolutions.Keys);
        await outcomes.ConfirmSubmissionAsync(new ConfirmSubmissionRequest { ScrubId = draft.ScrubId });

        var row = await DenialRow();
        Assert.Equal(("0001U", "0030U", 1), (row.Column1Code, row.Column2Code, row.Occurrences));
        Assert.Equal([("corrected_claim_sent", 1)], row.Resolutions.Select(r => (r.Key, r.Value)));
    }

    /// <summary>The weekly dashboard's one row: the original's denied 0030U.</summary>
    private async Task<WeeklyPairRow> DenialRow() =>
        Assert.Single((await new FeedbackClient(Server.Channel).WeeklyDashboardAsync(new ReportRequest())).Rows);

    private async Task<ScrubClaimResponse> Scrub(Claim claim) => await Server.Scrubber.ScrubClaimAsync(claim.Request());
}
