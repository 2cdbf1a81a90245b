using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Who may call what: each service against no key, an unknown key, a key without its scope and a key with it.</summary>
public sealed class AuthorizationTests(AuthorizationTests.ScopedKeysServer fixture) : IClassFixture<AuthorizationTests.ScopedKeysServer>
{
    private const string UnknownKey = "scr_not_configured_anywhere_000000000000";

    /// <summary>Every RPC (and reflection) with the scope it needs.</summary>
    public static TheoryData<string, string> Rpcs => new()
    {
        { "ClaimScrubber.ScrubClaim", "scrub" },
        { "ClaimScrubber.ScrubClaims", "scrub" },
        { "Outcomes.ConfirmSubmission", "outcomes" },
        { "Feedback.Missed", "reports" },
        { "Admin.GetStatus", "admin" },
        { "Admin.ReloadPacks", "admin" },
        { "Admin.ReloadTables", "admin" },
        { "Admin.ReloadSecurity", "admin" },
        { "Reflection.ListServices", "admin" },
    };

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Call_NoKey_IsUnauthenticated(string rpc, string scope)
    {
        _ = scope;
        using var channel = fixture.Server.ChannelFor(null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Call(rpc, channel));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Call_UnknownKey_IsUnauthenticated(string rpc, string scope)
    {
        _ = scope;
        using var channel = fixture.Server.ChannelFor(UnknownKey);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Call(rpc, channel));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Call_KeyWithEveryOtherScope_IsPermissionDenied(string rpc, string scope)
    {
        using var channel = fixture.Server.ChannelFor(ScopedKeysServer.AllBut(scope));

        var ex = await Assert.ThrowsAsync<RpcException>(() => Call(rpc, channel));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Call_KeyWithOnlyItsScope_Succeeds(string rpc, string scope)
    {
        using var channel = fixture.Server.ChannelFor(ScopedKeysServer.Only(scope));

        await Call(rpc, channel);
    }

    [Theory]
    [InlineData("scrub")]
    [InlineData("reports")]
    public async Task Ping_AnyConfiguredKey_Succeeds(string scope)
    {
        using var channel = fixture.Server.ChannelFor(ScopedKeysServer.Only(scope));

        await new Admin.AdminClient(channel).PingAsync(new PingRequest());
    }

    [Fact]
    public async Task Ping_NoKey_IsUnauthenticated()
    {
        using var channel = fixture.Server.ChannelFor(null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => new Admin.AdminClient(channel).PingAsync(new PingRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("scr_test_all_scopes_0123456789abcdef")]
    public async Task Call_AuthorizationThatIsNotOneBearerKey_IsUnauthenticated(string authorization)
    {
        using var channel = fixture.Server.ChannelFor(null);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            new Admin.AdminClient(channel).PingAsync(new PingRequest(), new Metadata { { "authorization", authorization } }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Call_BearerSchemeInAnyCase_IsAccepted()
    {
        using var channel = fixture.Server.ChannelFor(null);

        await new Admin.AdminClient(channel).PingAsync(new PingRequest(), new Metadata { { "authorization", "bearer " + RunningServer.ApiKey } });
    }

    [Fact]
    public async Task Health_NoKey_IsServing()
    {
        using var channel = fixture.Server.ChannelFor(null);

        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    private async Task Call(string rpc, GrpcChannel channel)
    {
        var claim = ProtoClaims.Of("2026-08-03", "99213", "93000").Request();
        switch (rpc)
        {
            case "ClaimScrubber.ScrubClaim":
                await new ClaimScrubber.ClaimScrubberClient(channel).ScrubClaimAsync(claim);
                break;
            case "ClaimScrubber.ScrubClaims":
                using (var call = new ClaimScrubber.ClaimScrubberClient(channel).ScrubClaims())
                {
                    try
                    {
                        await call.RequestStream.WriteAsync(claim);
                        await call.RequestStream.CompleteAsync();
                    }
                    catch (RpcException)
                    {
                        // A refused call can end before the claim is written; the status the server gave is read below.
                    }

                    Assert.Single(await call.ResponseStream.ReadAllAsync().ToListAsync());
                }

                break;
            case "Outcomes.ConfirmSubmission":
                // The scrub itself goes through the all-scopes key: only the confirmation is under test.
                var scrub = await fixture.Server.Scrubber.ScrubClaimAsync(claim);
                await new Scrubber.V1.Outcomes.OutcomesClient(channel).ConfirmSubmissionAsync(new ConfirmSubmissionRequest { ScrubId = scrub.ScrubId });
                break;
            case "Feedback.Missed":
                await new Scrubber.V1.Feedback.FeedbackClient(channel).MissedAsync(new ReportRequest());
                break;
            case "Admin.GetStatus":
                await new Admin.AdminClient(channel).GetStatusAsync(new GetStatusRequest());
                break;
            case "Admin.ReloadPacks":
                await new Admin.AdminClient(channel).ReloadPacksAsync(new ReloadPacksRequest());
                break;
            case "Admin.ReloadTables":
                await new Admin.AdminClient(channel).ReloadTablesAsync(new ReloadTablesRequest());
                break;
            case "Admin.ReloadSecurity":
                await new Admin.AdminClient(channel).ReloadSecurityAsync(new ReloadSecurityRequest());
                break;
            case "Reflection.ListServices":
                using (var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo())
                {
                    try
                    {
                        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
                        await call.RequestStream.CompleteAsync();
                    }
                    catch (RpcException)
                    {
                        // As for ScrubClaims: a refused call can end before the request is written; the status is read below.
                    }

                    Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                    Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "scrubber.v1.ClaimScrubber");
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rpc), rpc, "not an RPC this test knows");
        }
    }

    /// <summary>A server that knows, besides the all-scopes test key, one key with only each scope and one with every scope but it.</summary>
    public sealed class ScopedKeysServer : IAsyncLifetime
    {
        private static readonly string[] AllScopes = ["scrub", "outcomes", "reports", "admin"];
        private RunningServer? _server;

        public RunningServer Server => _server!;

        public static string Only(string scope) => $"scr_test_only_{scope}_0123456789abcdef";

        public static string AllBut(string scope) => $"scr_test_all_but_{scope}_0123456789abcdef";

        public async Task InitializeAsync()
        {
            var args = AllScopes.SelectMany((scope, i) => (string[])
            [
                .. ApiKeySettings.Args(1 + (2 * i), "only-" + scope, Only(scope), scope),
                .. ApiKeySettings.Args(2 + (2 * i), "all-but-" + scope, AllBut(scope), [.. AllScopes.Where(s => s != scope)]),
            ]);
            _server = await RunningServer.StartAsync([.. args]);
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
