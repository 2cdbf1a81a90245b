using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Scrubber.Generators;
using Scrubber.Server.Audit;
using Scrubber.Server.Tests.Builders;
using static Scrubber.Server.Tests.Builders.RemitSpecs;
using Scrubber.Testing;
using Scrubber.V1;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>The loop end to end through the real host: scrub, confirm, receive an 835 with CO-97 denials, ingest it,
/// and find each denial tied to the right line and to what became of the edit on it.</summary>
public sealed class OutcomesEndToEndTests : IAsyncLifetime
{
    private RunningServer? _server;

    private RunningServer Server => _server!;

    // Indicator-1 edits softened to warnings, as a deployment may choose, so that one line is a warning sent anyway.
    public async Task InitializeAsync() => _server = await RunningServer.StartAsync("--Scrub:IndicatorOneSeverity=Warning");

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task ScrubConfirmIngest_EachCo97DenialIsLinkedToItsLineAndEditFate()
    {
        var clean = await ScrubAndConfirm(ProtoClaims.Of("2026-07-20", "99213"));
        var byModifier = await ScrubAndConfirm(ProtoClaims.Of("2026-07-20", "0001U", "0030U-XE"));
        var byAcceptance = await ScrubAndConfirm(ProtoClaims.Of("2026-07-20", "0001U", "0030U"));
        var forced = await ScrubAndConfirm(ProtoClaims.Of("2023-06-15", "0001A", "36591"));
        var missed = await ScrubAndConfirm(ProtoClaims.Of("2026-07-20", "99213", "93000"));
        Assert.Equal(
            [Disposition.Clean, Disposition.Clean, Disposition.Warnings, Disposition.HardStop, Disposition.Clean],
            new[] { clean, byModifier, byAcceptance, forced, missed }.Select(s => s.Response.Disposition));

        var remit = new Remittance835Writer(seed: 7).Write(
        [
            Paid(clean.Claim),
            DeniedSecondLine(byModifier.Claim, "ICN-B"),
            DeniedSecondLine(byAcceptance.Claim, "ICN-C"),
            DeniedSecondLine(forced.Claim, "ICN-D", dropLineId: true),
            DeniedSecondLine(missed.Claim, "ICN-E"),
        ], new DateOnly(2026, 8, 14));
        var outcomes = new OutcomesClient(Server.Channel);

        var ingested = await outcomes.IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(remit), FileName = "era-0814.835" });

        Assert.False(ingested.Duplicate);
        Assert.Equal((5, 9, 5, 9, 4), (ingested.Claims, ingested.Lines, ingested.MatchedClaims, ingested.MatchedLines, ingested.DeniedLines));
        Assert.Empty(ingested.UnmatchedClaims);
        Assert.Empty(ingested.UnmatchedLines);

        (string, string, string)[] expected =
        [
            (byModifier.Claim.ClaimId, "L2", "overridden_by_modifier"),
            (byAcceptance.Claim.ClaimId, "L2", "overridden_by_acceptance"),
            (forced.Claim.ClaimId, "L2", "forced"),
            (missed.Claim.ClaimId, "L2", "none"),
        ];
        Assert.Equal(expected.Order(), Denials().Order());
        Assert.Equal("paid", Outcome(clean.Claim.ClaimId, "L1"));

        var again = await outcomes.IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(remit) });
        Assert.True(again.Duplicate);
        Assert.Equal(4, Denials().Count);
    }

    [Fact]
    public async Task ConfirmSubmission_UnknownScrub_IsNotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => new OutcomesClient(Server.Channel).ConfirmSubmissionAsync(new ConfirmSubmissionRequest { ScrubId = "nope" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task IngestRemittance_NotX12_IsInvalidArgumentAndIngestsNothing()
    {
        var outcomes = new OutcomesClient(Server.Channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => outcomes.IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8("Dear provider, your claim was paid."), FileName = "letter.txt" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("byte 0", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0L, Count("SELECT COUNT(*) FROM remittance_files"));
    }

    [Fact]
    public async Task UpdateResolution_DeniedLine_IsRecordedAgainstTheSentScrub()
    {
        var sent = await ScrubAndConfirm(ProtoClaims.Of("2026-07-20", "0001U", "0030U"));
        var outcomes = new OutcomesClient(Server.Channel);

        var response = await outcomes.UpdateResolutionAsync(new UpdateResolutionRequest
        {
            ClaimId = sent.Claim.ClaimId, LineId = "L2", Status = ResolutionStatus.CorrectedClaimSent, Date = "2026-08-20", Note = "added XU",
        });

        Assert.Equal(sent.Response.ScrubId, response.ScrubId);
        var bad = await Assert.ThrowsAsync<RpcException>(() => outcomes.UpdateResolutionAsync(new UpdateResolutionRequest
        {
            ClaimId = sent.Claim.ClaimId, LineId = "L2", Status = ResolutionStatus.Recovered, Amount = "12.345", Date = "2026-08-20",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Contains("amount", bad.Status.Detail, StringComparison.Ordinal);
    }

    private Task<(Claim Claim, ScrubClaimResponse Response)> ScrubAndConfirm(Claim claim) => SentClaims.ScrubAndConfirm(Server, claim);

    private List<(string, string, string)> Denials() => Store(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = """
            SELECT o.claim_id, o.line_id, COALESCE(f.fate, 'none')
            FROM line_outcomes o
            JOIN remit_adjustments a ON a.remit_line_id = o.remit_line_id AND a.group_code = 'CO' AND a.reason = '97'
            LEFT JOIN edit_fates f ON f.scrub_id = o.scrub_id AND f.line_id = o.line_id
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    });

    private string Outcome(string claimId, string lineId) => Store(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = $"SELECT outcome FROM line_outcomes WHERE claim_id = '{claimId}' AND line_id = '{lineId}'";
        return (string)command.ExecuteScalar()!;
    });

    private long Count(string sql) => Store(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    });

    private T Store<T>(Func<System.Data.Common.DbConnection, T> query) =>
        Server.App.Services.GetRequiredService<AuditStoreHost>().Store.Read(query);
}
