using System.Text.Json;
using Google.Protobuf;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;
using FeedbackClient = Scrubber.V1.Feedback.FeedbackClient;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>The adjustment group (CO, PR, OA) of the KPI top pairs and of the pattern rows, through the real host: an
/// 835 ingested over gRPC, both reports over gRPC and in the dashboard's JSON.</summary>
/// <remarks>
/// All MEDICARE, 99213 paid beside a second code on 2026-08-03, scrubbed and confirmed over gRPC. 93000 is denied
/// CO-97 twice and PR-97 once (a row's group is its most frequent: CO); 81002 is denied OA-18 twice (duplicate); 97110
/// ×6 is denied PR-151 with N362 twice (units).
/// </remarks>
public sealed class GroupCodeReportsTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 8, 3);
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync();
        List<RemitClaimSpec> remits =
        [
            await Send("93000", 1, "CO", "97"),
            await Send("93000", 1, "CO", "97"),
            await Send("93000", 1, "PR", "97"),
            await Send("81002", 1, "OA", "18"),
            await Send("81002", 1, "OA", "18"),
            await Send("97110", 6, "PR", "151", "N362"),
            await Send("97110", 6, "PR", "151", "N362"),
        ];
        var content = new Remittance835Writer(seed: 5).Write(remits, new DateOnly(2026, 8, 12));
        var ingested = await new OutcomesClient(Server.Channel).IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(content), FileName = "era-groups.835" });
        Assert.Equal((7, 7), (ingested.MatchedClaims, ingested.DeniedLines));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task Kpis_OverGrpc_GiveEachTopPairTheMostFrequentGroupOfItsDenials()
    {
        var report = await new FeedbackClient(Server.Channel).KpisAsync(new ReportRequest());

        Assert.Equal(
        [
            ("81002", "duplicate", "OA", 2),
            ("93000", "bundling", "CO", 3),
            ("97110", "units", "PR", 2),
        ], report.TopPairs.Select(p => (p.Column2Code, p.Family, p.GroupCode, p.Denied)).OrderBy(p => p.Column2Code, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Patterns_OverGrpc_GiveEachRowTheMostFrequentGroupOfItsDenials()
    {
        var report = await new FeedbackClient(Server.Channel).PatternsAsync(new ReportRequest());

        Assert.Equal(
        [
            ("81002", "duplicate", "OA", 2),
            ("93000", "bundling", "CO", 3),
            ("97110", "units", "PR", 2),
        ], report.Rows.Select(r => (r.Column2Code, r.Family, r.GroupCode, r.Denied)).OrderBy(r => r.Column2Code, StringComparer.Ordinal));
    }

    [Fact]
    public async Task DashboardApi_Reports_GiveTopPairsAndPatternRowsTheirGroup()
    {
        using var response = await Infrastructure.DashboardClient.GetWithBearerAsync(Server.WebAddress, "/api/reports", RunningServer.ApiKey);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        (string?, string?)[] expected = [("81002", "OA"), ("93000", "CO"), ("97110", "PR")];
        Assert.Equal(expected, Groups(json.RootElement.GetProperty("kpis").GetProperty("topPairs")));
        Assert.Equal(expected, Groups(json.RootElement.GetProperty("patterns")));
    }

    private static IEnumerable<(string?, string?)> Groups(JsonElement rows) =>
        rows.EnumerateArray().Select(r => (r.GetProperty("column2").GetString(), r.GetProperty("group").GetString())).OrderBy(r => r.Item1, StringComparer.Ordinal);

    /// <summary>Scrubs and confirms 99213 + <paramref name="code"/> over gRPC; the 835 pays 99213 and denies the other
    /// line with one adjustment of <paramref name="group"/> and <paramref name="reason"/>.</summary>
    private async Task<RemitClaimSpec> Send(string code, int units, string group, string reason, params string[] remarks)
    {
        var claim = ProtoClaims.Of("2026-08-03", "99213", code);
        claim.Lines[1].Units = units;
        await SentClaims.ScrubAndConfirm(Server, claim);
        return new RemitClaimSpec(claim.ClaimId, "1", "ICN-" + claim.ClaimId,
        [
            new RemitLineSpec("L1", "99213", [], Day, 100m, 80m, [("CO", "45", 20m)]),
            new RemitLineSpec("L2", code, [], Day, 100m, 0m, [(group, reason, 100m)], Remarks: [.. remarks]),
        ]);
    }
}
