using System.Net;
using System.Text;
using Google.Protobuf;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;
using Scrubber.V1;
using FeedbackClient = Scrubber.V1.Feedback.FeedbackClient;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>Two hosts on one PostgreSQL database (Audit:Provider=Postgres) act as replicas of one service: what one
/// records, the other pairs with, counts once and reports alike, and a dashboard session opened on one works on the other.</summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private PostgresDatabase? _database;
    private RunningServer? _first;
    private RunningServer? _second;

    private RunningServer First => _first!;

    private RunningServer Second => _second!;

    public async Task InitializeAsync()
    {
        _database = PostgresDatabase.Create();
        string[] store = ["--Audit:Provider=Postgres", $"--Audit:ConnectionString={_database.ConnectionString}"];
        _first = await RunningServer.StartAsync(store);
        _second = await RunningServer.StartAsync(store);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in (RunningServer?[])[_first, _second])
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task ClaimConfirmedOnOneReplica_PairsWithAClaimScrubbedOnTheOther()
    {
        var (sent, _) = await SentClaims.ScrubAndConfirm(First, ProtoClaims.Of("2023-06-15", "0001A").ForPatient("PAT-REPLICA"));

        var response = await Second.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2023-06-15", "36591").ForPatient("PAT-REPLICA").Request());

        Assert.Equal(Disposition.HardStop, response.Disposition);
        Assert.Contains(response.Edits, e => e.RelatedClaimId == sent.ClaimId);
    }

    [PostgresFact]
    public async Task SameRemittanceOnBothReplicasAtOnce_CountsOnce_AndReportsAreTheSameFromEither()
    {
        var (claim, _) = await SentClaims.ScrubAndConfirm(First, ProtoClaims.Of("2026-07-20", "0001U", "0030U"));
        var content = Encoding.ASCII.GetBytes(new Remittance835Writer(11).Write([RemitSpecs.DeniedSecondLine(claim, "ICN-R")], new DateOnly(2026, 8, 14)));
        var request = new IngestRemittanceRequest { Content = ByteString.CopyFrom(content), FileName = "replicas.835" };

        var answers = await Task.WhenAll(
            new OutcomesClient(First.Channel).IngestRemittanceAsync(request).ResponseAsync,
            new OutcomesClient(Second.Channel).IngestRemittanceAsync(request).ResponseAsync);

        Assert.Equal([false, true], answers.Select(a => a.Duplicate).Order());
        Assert.Equal(1, answers.Single(a => !a.Duplicate).MatchedClaims);
        var report = new ReportRequest();
        var fromFirst = await new FeedbackClient(First.Channel).OverriddenThenDeniedAsync(report);
        var fromSecond = await new FeedbackClient(Second.Channel).OverriddenThenDeniedAsync(report);
        Assert.NotEmpty(fromFirst.Rows);
        Assert.Equal(fromFirst.ToString(), fromSecond.ToString());
        Assert.Equal((await new FeedbackClient(First.Channel).KpisAsync(report)).ToString(), (await new FeedbackClient(Second.Channel).KpisAsync(report)).ToString());
    }

    [PostgresFact]
    public async Task DashboardSessionOpenedOnOneReplica_WorksOnTheOther()
    {
        var cookie = await DashboardClient.SignedInCookieAsync(First.WebAddress, RunningServer.ApiKey);

        var onSecond = await DashboardClient.GetWithCookieAsync(Second.WebAddress, "/api/weekly", cookie);

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
    }
}
