using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Scrubber.Server.Tests.Builders;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>TLS from a certificate in settings, and client certificates pinned by SHA-256, on the real host over https loopback.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly TempDirectory _files = new();
    private readonly X509Certificate2 _serverCertificate = TestCertificates.Server();

    public void Dispose()
    {
        _serverCertificate.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task Grpc_EndpointWithCertificateFromSettings_ServesCallsOverHttps()
    {
        await using var server = await RunningServer.StartAsync(() => TestCertificates.Trusting(_serverCertificate), TlsEndpoint());

        var status = await server.Admin.GetStatusAsync(new GetStatusRequest());

        Assert.StartsWith("https://127.0.0.1:", server.Address, StringComparison.Ordinal);
        Assert.NotEmpty(status.NcciTables);
    }

    [Fact]
    public async Task Grpc_HttpsEndpoint_RefusesAClientThatDoesNotTrustItsCertificate()
    {
        await using var server = await RunningServer.StartAsync(() => TestCertificates.Trusting(_serverCertificate), TlsEndpoint());
        using var untrusting = server.ChannelFor(RunningServer.ApiKey, new SocketsHttpHandler());

        var ex = await Assert.ThrowsAsync<RpcException>(() => new Admin.AdminClient(untrusting).PingAsync(new PingRequest()).ResponseAsync);

        Assert.Contains(Causes(ex.Status.DebugException), e => e is System.Security.Authentication.AuthenticationException);
    }

    [Fact]
    public async Task ClientCertificate_PinnedWithScrubScope_ScrubsWithoutAKeyAndIsDeniedAdmin()
    {
        using var client = TestCertificates.Client("billing-batch");
        await using var server = await RunningServer.StartAsync(
            () => TestCertificates.Trusting(_serverCertificate, client),
            [.. TlsEndpoint(), .. MutualTls(client, "scrub")]);
        using var channel = server.ChannelFor(apiKey: null);

        var response = await new ClaimScrubber.ClaimScrubberClient(channel).ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "99213", "93000").Request());
        var denied = await Assert.ThrowsAsync<RpcException>(() => new Admin.AdminClient(channel).GetStatusAsync(new GetStatusRequest()).ResponseAsync);

        Assert.NotEmpty(response.ScrubId);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task ClientCertificate_NoneAndNoKey_IsUnauthenticated()
    {
        using var client = TestCertificates.Client("billing-batch");
        await using var server = await RunningServer.StartAsync(
            () => TestCertificates.Trusting(_serverCertificate, client),
            [.. TlsEndpoint(), .. MutualTls(client, "scrub")]);
        using var withoutCertificate = server.ChannelFor(apiKey: null, TestCertificates.Trusting(_serverCertificate));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            new ClaimScrubber.ClaimScrubberClient(withoutCertificate).ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "99213", "93000").Request()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task ClientCertificate_NotPinned_IsUnauthenticated()
    {
        using var pinned = TestCertificates.Client("billing-batch");
        using var stranger = TestCertificates.Client("billing-batch");
        await using var server = await RunningServer.StartAsync(
            () => TestCertificates.Trusting(_serverCertificate, pinned),
            [.. TlsEndpoint(), .. MutualTls(pinned, "scrub")]);
        using var channel = server.ChannelFor(apiKey: null, TestCertificates.Trusting(_serverCertificate, stranger));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            new ClaimScrubber.ClaimScrubberClient(channel).ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "99213", "93000").Request()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task ClientCertificates_IssuedByOneFreshAuthority_OnlyThePinnedOneIsAccepted()
    {
        using var authority = TestCertificates.Authority("scrubber-test-ca");
        using var server = TestCertificates.ServerIssuedBy(authority);
        using var pinned = TestCertificates.ClientIssuedBy(authority, "billing-batch");
        using var unpinned = TestCertificates.ClientIssuedBy(authority, "billing-batch");
        await using var host = await RunningServer.StartAsync(
            () => TestCertificates.TrustingAuthority(authority, pinned),
            [.. TlsEndpoint(server, "RequireCertificate"), .. MutualTls(pinned, "scrub")]);
        using var strangerChannel = host.ChannelFor(apiKey: null, TestCertificates.TrustingAuthority(authority, unpinned));
        using var noCertificateChannel = host.ChannelFor(apiKey: null, TestCertificates.TrustingAuthority(authority));
        using var pinnedChannel = host.ChannelFor(apiKey: null);

        var accepted = await new ClaimScrubber.ClaimScrubberClient(pinnedChannel).ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "99213", "93000").Request());
        var stranger = await Assert.ThrowsAsync<RpcException>(() =>
            new ClaimScrubber.ClaimScrubberClient(strangerChannel).ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "99213", "93000").Request()).ResponseAsync);
        var none = await Assert.ThrowsAsync<RpcException>(() =>
            new ClaimScrubber.ClaimScrubberClient(noCertificateChannel).ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "99213", "93000").Request()).ResponseAsync);

        Assert.NotEmpty(accepted.ScrubId);
        Assert.Equal(StatusCode.Unauthenticated, stranger.StatusCode);
        // Refused at the handshake or, where the client finishes its side of a TLS 1.3 handshake first, at the call.
        Assert.Contains(none.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Unauthenticated });
    }

    [Fact]
    public async Task ClientCertificate_RemovedFromAppSettings_IsRefusedWithinASecond()
    {
        using var client = TestCertificates.Client("billing-batch");
        using var settings = new SettingsFile();
        settings.Write([], [("billing-batch", TestCertificates.Sha256Fingerprint(client), ["scrub"])]);
        await using var server = await RunningServer.StartAsync(
            () => TestCertificates.Trusting(_serverCertificate, client),
            [.. TlsEndpoint(), "--Kestrel:Endpoints:Grpc:ClientCertificateMode=AllowCertificate", .. settings.Args()]);
        using var channel = server.ChannelFor(apiKey: null);
        var scrubber = new ClaimScrubber.ClaimScrubberClient(channel);
        var before = await scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "99213").Request());

        var removed = System.Diagnostics.Stopwatch.StartNew();
        settings.Write([]);
        StatusCode answer;
        do
        {
            try
            {
                await scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "99213").Request());
                answer = StatusCode.OK;
                await Task.Delay(20);
            }
            catch (RpcException ex)
            {
                answer = ex.StatusCode;
            }
        }
        while (answer == StatusCode.OK && removed.Elapsed < TimeSpan.FromSeconds(1));

        Assert.NotEmpty(before.ScrubId);
        Assert.Equal(StatusCode.Unauthenticated, answer);
        Assert.True(removed.Elapsed < TimeSpan.FromSeconds(1), $"refused after {removed.Elapsed.TotalMilliseconds:F0} ms");
    }

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private string[] TlsEndpoint() =>
    [
        "--Kestrel:Endpoints:Grpc:Url=https://127.0.0.1:0",
        $"--Kestrel:Endpoints:Grpc:Certificate:Path={TestCertificates.WritePfx(_serverCertificate, _files.File("server.pfx"))}",
        $"--Kestrel:Endpoints:Grpc:Certificate:Password={TestCertificates.PfxPassword}",
    ];

    private string[] TlsEndpoint(X509Certificate2 certificate, string clientCertificateMode) =>
    [
        "--Kestrel:Endpoints:Grpc:Url=https://127.0.0.1:0",
        $"--Kestrel:Endpoints:Grpc:Certificate:Path={TestCertificates.WritePfx(certificate, _files.File("issued-server.pfx"))}",
        $"--Kestrel:Endpoints:Grpc:Certificate:Password={TestCertificates.PfxPassword}",
        $"--Kestrel:Endpoints:Grpc:ClientCertificateMode={clientCertificateMode}",
    ];

    private static string[] MutualTls(X509Certificate2 client, string scope) =>
    [
        "--Kestrel:Endpoints:Grpc:ClientCertificateMode=AllowCertificate",
        "--Security:ClientCertificates:0:Name=billing-batch",
        $"--Security:ClientCertificates:0:Thumbprint={TestCertificates.Sha256Fingerprint(client)}",
        $"--Security:ClientCertificates:0:Scopes:0={scope}",
    ];
}
