using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Grpc.Core;
using Scrubber.Server.Tests.Builders;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Keys follow the settings: a key deleted from the appsettings.json the host reads is refused for gRPC,
/// Bearer and dashboard sessions within a second, without a restart; <c>Admin.ReloadSecurity</c> does the same for
/// settings the host does not watch.</summary>
public sealed class SecurityReloadTests : IDisposable
{
    private const string ManagerKey = "scr_test_manager_reports_only_0123456789";
    private const string BillingKey = "scr_test_billing_scrub_only_0123456789ab";

    private readonly SettingsFile _settings = new(("manager", ManagerKey, ["reports"]));

    public void Dispose() => _settings.Dispose();

    [Fact]
    public async Task ReportsKeyDeletedFromAppSettings_ItsCookieBearerAndGrpcCallsAreRefusedWithinASecond()
    {
        await using var server = await RunningServer.StartAsync(_settings.Args());
        var cookie = await DashboardClient.SignedInCookieAsync(server.WebAddress, ManagerKey);
        using var channel = server.ChannelFor(ManagerKey);
        var feedback = new V1.Feedback.FeedbackClient(channel);
        Assert.Equal(HttpStatusCode.OK, (await DashboardClient.GetWithCookieAsync(server.WebAddress, "/api/weekly", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DashboardClient.GetWithBearerAsync(server.WebAddress, "/api/weekly", ManagerKey)).StatusCode);
        Assert.NotNull(await feedback.KpisAsync(new ReportRequest()));

        var deleted = Stopwatch.StartNew();
        _settings.Write([]);
        var answers = await UntilRefusedAsync(server, cookie, feedback, TimeSpan.FromSeconds(1));
        var elapsed = deleted.Elapsed;

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, StatusCode.Unauthenticated), answers);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"refused after {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(HttpStatusCode.OK, (await DashboardClient.GetWithBearerAsync(server.WebAddress, "/api/weekly", RunningServer.ApiKey)).StatusCode);
        Assert.True(await server.Logs.ContainsWithinAsync("Security settings: API key 'manager' removed", TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain(server.Logs.Lines, l => l.Contains(ApiKeySettings.HashOf(ManagerKey)[7..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyReplacedInAppSettings_OldKeyRefusedAndNewKeyAcceptedWithinASecond()
    {
        await using var server = await RunningServer.StartAsync(_settings.Args());
        var oldKey = await DashboardClient.GetWithBearerAsync(server.WebAddress, "/api/weekly", ManagerKey);

        var replaced = Stopwatch.StartNew();
        _settings.Write([("manager", BillingKey, ["reports"])]);
        (HttpStatusCode Old, HttpStatusCode New) answers;
        do
        {
            answers = ((await DashboardClient.GetWithBearerAsync(server.WebAddress, "/api/weekly", ManagerKey)).StatusCode,
                (await DashboardClient.GetWithBearerAsync(server.WebAddress, "/api/weekly", BillingKey)).StatusCode);
        }
        while (answers != (HttpStatusCode.Unauthorized, HttpStatusCode.OK) && replaced.Elapsed < TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, oldKey.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), answers);
        Assert.True(replaced.Elapsed < TimeSpan.FromSeconds(1), $"in force after {replaced.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(await server.Logs.ContainsWithinAsync("Security settings: API key 'manager' replaced (reports)", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task KeyReplacedInAppSettings_ItsCookieBearerAndGrpcCallsAreRefusedWithinASecond_ThoughTheNameAndScopesStay()
    {
        // The key keeps its name and scopes and only its hash changes: a session or call tied to the name would survive.
        await using var server = await RunningServer.StartAsync(_settings.Args());
        var cookie = await DashboardClient.SignedInCookieAsync(server.WebAddress, ManagerKey);
        using var channel = server.ChannelFor(ManagerKey);
        var feedback = new V1.Feedback.FeedbackClient(channel);
        Assert.Equal(HttpStatusCode.OK, (await DashboardClient.GetWithCookieAsync(server.WebAddress, "/api/weekly", cookie)).StatusCode);
        Assert.NotNull(await feedback.KpisAsync(new ReportRequest()));

        var replaced = Stopwatch.StartNew();
        _settings.Write([("manager", BillingKey, ["reports"])]);
        var answers = await UntilRefusedAsync(server, cookie, feedback, TimeSpan.FromSeconds(1));
        var elapsed = replaced.Elapsed;

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, StatusCode.Unauthenticated), answers);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"refused after {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(HttpStatusCode.OK, (await DashboardClient.GetWithBearerAsync(server.WebAddress, "/api/weekly", BillingKey)).StatusCode);
        Assert.Equal(1, await RevokedSessionsAsync(server.DatabasePath, "caller_removed", 1));
    }

    [Fact]
    public async Task ReportsKeyDeletedFromAppSettings_ItsSessionStaysRevokedWhenTheKeyComesBack()
    {
        await using var server = await RunningServer.StartAsync(_settings.Args(watch: false));
        var cookie = await DashboardClient.SignedInCookieAsync(server.WebAddress, ManagerKey);

        _settings.Write([]);
        await server.Admin.ReloadSecurityAsync(new ReloadSecurityRequest());
        _settings.Write([("manager", ManagerKey, ["reports"])]);
        var back = await server.Admin.ReloadSecurityAsync(new ReloadSecurityRequest());
        var revoked = await RevokedSessionsAsync(server.DatabasePath, "caller_removed", 1);

        Assert.Equal(["API key 'manager' added (reports)"], back.Changes);
        Assert.Equal(1, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DashboardClient.GetWithCookieAsync(server.WebAddress, "/api/weekly", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DashboardClient.GetWithBearerAsync(server.WebAddress, "/api/weekly", ManagerKey)).StatusCode);
    }

    [Fact]
    public async Task ReloadSecurity_SettingsTheHostDoesNotWatch_PutsThemInForceAndSaysWhatChanged()
    {
        await using var server = await RunningServer.StartAsync(_settings.Args(watch: false));
        var cookie = await DashboardClient.SignedInCookieAsync(server.WebAddress, ManagerKey);
        _settings.Write([("billing", BillingKey, ["scrub"])]);
        using var billing = server.ChannelFor(BillingKey);
        var before = await Assert.ThrowsAsync<RpcException>(() => new ClaimScrubber.ClaimScrubberClient(billing).ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "99213").Request()).ResponseAsync);

        var reply = await server.Admin.ReloadSecurityAsync(new ReloadSecurityRequest());

        Assert.Equal(StatusCode.Unauthenticated, before.StatusCode);
        Assert.Equal(["API key 'billing' added (scrub)", "API key 'manager' removed"], reply.Changes);
        Assert.Equal(["billing", "tests"], reply.ApiKeys);
        Assert.Empty(reply.ClientCertificates);
        Assert.NotEmpty((await new ClaimScrubber.ClaimScrubberClient(billing).ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "99213").Request())).ScrubId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DashboardClient.GetWithCookieAsync(server.WebAddress, "/api/weekly", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DashboardClient.GetWithBearerAsync(server.WebAddress, "/api/weekly", ManagerKey)).StatusCode);
    }

    [Fact]
    public async Task ReloadSecurity_InvalidSettings_AreRefusedNamingTheSetting_AndStillEndTheRemovedKey()
    {
        await using var server = await RunningServer.StartAsync(_settings.Args(watch: false));
        _settings.WriteSecurity(new JsonObject
        {
            ["ApiKeys"] = new JsonArray(
                new JsonObject { ["Name"] = "tests", ["Hash"] = RunningServer.ApiKeyHash, ["Scopes"] = new JsonArray("scrub", "outcomes", "reports", "admin") },
                new JsonObject { ["Name"] = "billing", ["Hash"] = BillingKey, ["Scopes"] = new JsonArray("scrub") }),
        });

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Admin.ReloadSecurityAsync(new ReloadSecurityRequest()).ResponseAsync);
        using var billing = server.ChannelFor(BillingKey);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new ClaimScrubber.ClaimScrubberClient(billing).ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "99213").Request()).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("Security:ApiKeys:1:Hash: is not 'sha256:' and 64 hex digits", ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(BillingKey, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DashboardClient.GetWithBearerAsync(server.WebAddress, "/api/weekly", ManagerKey)).StatusCode);
        Assert.NotNull(await server.Admin.GetStatusAsync(new GetStatusRequest()));
    }

    [Fact]
    public async Task ScopeRemovedFromAppSettings_KeyIsDeniedWhatTheScopeAllowed()
    {
        await using var server = await RunningServer.StartAsync(_settings.Args(watch: false));
        var cookie = await DashboardClient.SignedInCookieAsync(server.WebAddress, ManagerKey);
        _settings.Write([("manager", ManagerKey, ["scrub"])]);

        var reply = await server.Admin.ReloadSecurityAsync(new ReloadSecurityRequest());
        using var channel = server.ChannelFor(ManagerKey);
        var denied = await Assert.ThrowsAsync<RpcException>(() => new V1.Feedback.FeedbackClient(channel).KpisAsync(new ReportRequest()).ResponseAsync);

        Assert.Equal(["API key 'manager' scopes changed to scrub"], reply.Changes);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DashboardClient.GetWithCookieAsync(server.WebAddress, "/api/weekly", cookie)).StatusCode);
    }

    [Fact]
    public async Task ScrubClaimsStream_KeyRemovedWhileItIsOpen_IsRefusedAtItsNextClaim()
    {
        _settings.Write([("billing", BillingKey, ["scrub"])]);
        await using var server = await RunningServer.StartAsync(_settings.Args(watch: false));
        using var channel = server.ChannelFor(BillingKey);
        using var call = new ClaimScrubber.ClaimScrubberClient(channel).ScrubClaims();
        await call.RequestStream.WriteAsync(ProtoClaims.Of("2026-08-03", "99213").Request());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        _settings.Write([]);
        await server.Admin.ReloadSecurityAsync(new ReloadSecurityRequest());
        await call.RequestStream.WriteAsync(ProtoClaims.Of("2026-08-03", "99213").Request());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal(1, AuditFile.Scalar(server.DatabasePath, "SELECT COUNT(*) FROM scrub_records"));
    }

    /// <summary>Asks with the manager's cookie, Bearer key and gRPC channel until all three are refused or the time is
    /// up; returns the last answers.</summary>
    private static async Task<(HttpStatusCode Cookie, HttpStatusCode Bearer, StatusCode Grpc)> UntilRefusedAsync(
        RunningServer server, string cookie, V1.Feedback.FeedbackClient feedback, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var byCookie = (await DashboardClient.GetWithCookieAsync(server.WebAddress, "/api/weekly", cookie)).StatusCode;
            var byBearer = (await DashboardClient.GetWithBearerAsync(server.WebAddress, "/api/weekly", ManagerKey)).StatusCode;
            StatusCode byGrpc;
            try
            {
                await feedback.KpisAsync(new ReportRequest());
                byGrpc = StatusCode.OK;
            }
            catch (RpcException ex)
            {
                byGrpc = ex.StatusCode;
            }

            if ((byCookie != HttpStatusCode.OK && byBearer != HttpStatusCode.OK && byGrpc != StatusCode.OK) || clock.Elapsed > within)
            {
                return (byCookie, byBearer, byGrpc);
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Sessions the store holds as revoked for <paramref name="why"/>, waiting up to a second for
    /// <paramref name="expected"/> of them (the revocation of a removed key's sessions is written after the reload).</summary>
    private static async Task<long> RevokedSessionsAsync(string database, string why, long expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var count = AuditFile.Scalar(database, $"SELECT COUNT(*) FROM dashboard_sessions WHERE revoked_why = '{why}'");
            if (count >= expected || clock.Elapsed > TimeSpan.FromSeconds(1))
            {
                return count;
            }

            await Task.Delay(20);
        }
    }
}
