using Google.Protobuf;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;
using FeedbackClient = Scrubber.V1.Feedback.FeedbackClient;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>Global-period denials in the feedback reports through the real host: three patients' knee replacements
/// (27447, 2026-07-10) are sent, then a visit 24 days later (99213 with 85025) that draws GLOBAL_PERIOD and is sent
/// anyway; the payer denies each visit CO-97 with M144 (pre- or post-operative care included in the surgery).</summary>
public sealed class GlobalPeriodReportsTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 8, 3);
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync();
        var remits = new List<RemitClaimSpec>();
        for (var i = 0; i < 3; i++)
        {
            var knee = (await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of("2026-07-10", "27447"))).Claim;
            var visit = ProtoClaims.Of("2026-08-03", "85025", "99213").ForPatient(knee.PatientId);
            var (_, response) = await SentClaims.ScrubAndConfirm(Server, visit);
            Assert.Equal("GLOBAL_PERIOD", Assert.Single(response.Edits).EditType);
            remits.Add(new RemitClaimSpec(visit.ClaimId, "1", "ICN-" + visit.ClaimId,
            [
                new RemitLineSpec("L1", "85025", [], Day, 100m, 80m, [("CO", "45", 20m)]),
                new RemitLineSpec("L2", "99213", [], Day, 100m, 0m, [("CO", "97", 100m)], Remarks: ["M144"]),
            ]));
        }

        var content = new Remittance835Writer(seed: 17).Write(remits, new DateOnly(2026, 8, 12));
        var ingested = await new OutcomesClient(Server.Channel).IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(content), FileName = "era-global.835" });
        Assert.Equal((3, 3), (ingested.MatchedClaims, ingested.DeniedLines));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task OverriddenThenDenied_TiesTheCo97ToTheGlobalPeriodEditSentAnyway()
    {
        var row = Assert.Single((await new FeedbackClient(Server.Channel).OverriddenThenDeniedAsync(new ReportRequest())).Rows);

        Assert.Equal(("27447", "99213", "forced", "bundling", 3, "300.00"), (row.Column1Code, row.Column2Code, row.Fate, row.Family, row.Denied, row.DollarsDenied));
    }

    [Fact]
    public async Task WeeklyDashboard_NamesTheGlobalPeriodAsTheRootCause_AndNothingIsMissed()
    {
        var feedback = new FeedbackClient(Server.Channel);
        var row = Assert.Single((await feedback.WeeklyDashboardAsync(new ReportRequest())).Rows);
        var missed = await feedback.MissedAsync(new ReportRequest());

        Assert.Equal(("27447", "99213", "bundling", 3, "global period", "inside a global period", true),
            (row.Column1Code, row.Column2Code, row.Family, row.Occurrences, row.ModifierIndicator, row.RootCause, row.RepeatOffender));
        Assert.StartsWith("check the surgery's global period", row.Action, StringComparison.Ordinal);
        Assert.Empty(missed.Rows);
    }
}
