using System.Net;
using System.Text;
using Google.Protobuf;
using Grpc.Net.Client;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;
using Scrubber.V1;
using FeedbackClient = Scrubber.V1.Feedback.FeedbackClient;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>Two server processes on one PostgreSQL database (Audit:Provider=Postgres) act as replicas of one service: what
/// one records, the other pairs with, counts once and reports alike, and a dashboard session opened on one works on the
/// other. Each replica is its own operating-system process, as an operator runs them.</summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private PostgresDatabase? _database;
    private readonly List<(ServerProcess Process, GrpcChannel Channel)> _replicas = [];

    private GrpcChannel First => _replicas[0].Channel;

    private GrpcChannel Second => _replicas[1].Channel;

    public async Task InitializeAsync()
    {
        _database = PostgresDatabase.Create();
        string[] store = ["--Audit:Provider=Postgres", $"--Audit:ConnectionString={_database.ConnectionString}"];
        // One after the other: the second waits on the first's migration lock anyway, and a failed start names its output.
        for (var i = 0; i < 2; i++)
        {
            var process = ServerProcess.Start(store);
            try
            {
                _replicas.Add((process, await process.ConnectAsync()));
            }
            catch (Exception ex) when (ex is TimeoutException or global::Grpc.Core.RpcException)
            {
                var output = process.Output;
                process.Dispose();
                throw new InvalidOperationException($"Replica {i + 1} did not start. Output:\n{output}", ex);
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (process, channel) in _replicas)
        {
            channel.Dispose();
            process.Dispose();
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

        var response = await new ClaimScrubber.ClaimScrubberClient(Second).ScrubClaimAsync(ProtoClaims.Of("2023-06-15", "36591").ForPatient("PAT-REPLICA").Request());

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
            new OutcomesClient(First).IngestRemittanceAsync(request).ResponseAsync,
            new OutcomesClient(Second).IngestRemittanceAsync(request).ResponseAsync);

        Assert.Equal([false, true], answers.Select(a => a.Duplicate).Order());
        Assert.Equal(1, answers.Single(a => !a.Duplicate).MatchedClaims);
        var report = new ReportRequest();
        var fromFirst = await new FeedbackClient(First).OverriddenThenDeniedAsync(report);
        var fromSecond = await new FeedbackClient(Second).OverriddenThenDeniedAsync(report);
        Assert.NotEmpty(fromFirst.Rows);
        Assert.Equal(fromFirst.ToString(), fromSecond.ToString());
        Assert.Equal((await new FeedbackClient(First).KpisAsync(report)).ToString(), (await new FeedbackClient(Second).KpisAsync(report)).ToString());
    }

    [PostgresFact]
    public async Task DashboardSessionOpenedOnOneReplica_WorksOnTheOther()
    {
        var cookie = await DashboardClient.SignedInCookieAsync(_replicas[0].Process.WebAddress, RunningServer.ApiKey);

        var onSecond = await DashboardClient.GetWithCookieAsync(_replicas[1].Process.WebAddress, "/api/weekly", cookie);

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
    }

    [PostgresFact]
    public async Task DashboardSessionSignedOutOnOneReplica_IsRefusedOnTheOther_AndTheKeyRingIsInTheDatabase()
    {
        var (first, second) = (_replicas[0].Process, _replicas[1].Process);
        using var browser = new DashboardClient(first.WebAddress);
        await browser.SignInAsync(RunningServer.ApiKey);
        var cookie = browser.Cookie!;
        var before = await DashboardClient.GetWithCookieAsync(second.WebAddress, "/api/weekly", cookie);

        await browser.Http.GetAsync(new Uri(first.WebAddress + "/signout"));
        var api = await DashboardClient.GetWithCookieAsync(second.WebAddress, "/api/weekly", cookie);
        var page = await DashboardClient.GetWithCookieAsync(second.WebAddress, "/", cookie);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        // The replicas share the ring that protects the cookie through the database, not through a folder of either.
        await using var connection = _database!.Open();
        await using var keys = connection.CreateCommand();
        keys.CommandText = "SELECT COUNT(*) FROM data_protection_keys";
        Assert.True((long)(await keys.ExecuteScalarAsync())! >= 1);
        await using var sessions = connection.CreateCommand();
        sessions.CommandText = "SELECT COUNT(*) FROM dashboard_sessions WHERE revoked_why = 'signed_out' AND revoked_at IS NOT NULL";
        Assert.Equal(1L, (long)(await sessions.ExecuteScalarAsync())!);
        Assert.All((ServerProcess[])[first, second], replica =>
            Assert.Contains("Data-protection keys kept in the audit store's data_protection_keys table", replica.Output, StringComparison.Ordinal));
    }
}
