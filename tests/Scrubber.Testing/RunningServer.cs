using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scrubber.Client;
using Scrubber.Server;
using Scrubber.V1;

namespace Scrubber.Testing;

/// <summary>The real host on a loopback port with the shipped sample tables, and a gRPC channel to it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    public const string PatientKeySecret = "test-only-patient-key-secret-0123456789";

    /// <summary>The key every test server accepts with all scopes; <see cref="Channel"/> sends it on every call.</summary>
    public const string ApiKey = "scr_test_all_scopes_0123456789abcdef";

    /// <summary>SHA-256 of <see cref="ApiKey"/>, as settings hold it.</summary>
    public const string ApiKeyHash = "sha256:c623b60073bb0c938de242c7abd4f0718f0d7b57f30e4c009014061844695ff3";

    private readonly TempDirectory? _data;
    private readonly Func<HttpMessageHandler>? _handler;

    private RunningServer(WebApplication app, LogCapture logs, TempDirectory? data, Func<HttpMessageHandler>? handler)
    {
        App = app;
        Logs = logs;
        _data = data;
        _handler = handler;
        WebAddress = app.Configuration["Kestrel:Endpoints:Web:Url"]!;
        Address = app.Urls.Single(u => u != WebAddress);
        Channel = ChannelFor(ApiKey);
    }

    public WebApplication App { get; }

    public LogCapture Logs { get; }

    /// <summary>The gRPC endpoint.</summary>
    public string Address { get; }

    /// <summary>The dashboard endpoint (HTTP/1.1).</summary>
    public string WebAddress { get; }

    /// <summary>A channel that sends <see cref="ApiKey"/> on every call.</summary>
    public GrpcChannel Channel { get; }

    public ClaimScrubber.ClaimScrubberClient Scrubber => new(Channel);

    public Admin.AdminClient Admin => new(Channel);

    /// <summary>The audit database file, under a temporary folder of this server's own unless a test gave one.</summary>
    public string DatabasePath => App.Configuration["Audit:Path"]!;

    /// <summary>The arguments every test server starts with: a free loopback port, the sample tables (Medicaid's too) and packs, the test
    /// secret and <see cref="ApiKey"/> with every scope.</summary>
    public static IEnumerable<string> DefaultArgs =>
    [
        "--Security:ApiKeys:0:Name=tests",
        $"--Security:ApiKeys:0:Hash={ApiKeyHash}",
        "--Security:ApiKeys:0:Scopes:0=scrub",
        "--Security:ApiKeys:0:Scopes:1=outcomes",
        "--Security:ApiKeys:0:Scopes:2=reports",
        "--Security:ApiKeys:0:Scopes:3=admin",
        $"--Kestrel:Endpoints:Web:Url=http://127.0.0.1:{FreePort()}",
        $"--Audit:PatientKeySecret={PatientKeySecret}",
        "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
        $"--Ncci:Practitioner:0={RepositoryPaths.PractitionerExcerpt}",
        $"--Ncci:OutpatientHospital:0={RepositoryPaths.OutpatientSample}",
        $"--Mue:Practitioner:0={RepositoryPaths.MueExcerpt}",
        $"--Ncci:MedicaidPractitioner:0={RepositoryPaths.MedicaidPractitionerSample}",
        $"--Ncci:MedicaidOutpatientHospital:0={RepositoryPaths.MedicaidOutpatientSample}",
        $"--Mue:MedicaidPractitioner:0={RepositoryPaths.MedicaidMuePractitionerSample}",
        $"--Mue:MedicaidOutpatientHospital:0={RepositoryPaths.MedicaidMueOutpatientSample}",
        $"--AddOnCodes:Files:0={RepositoryPaths.AddOnSample}",
        $"--Pfs:Files:0={RepositoryPaths.PfsSample}",
        $"--Packs:Root={RepositoryPaths.Packs}",
    ];

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A channel to the gRPC endpoint that sends <paramref name="apiKey"/> as <c>authorization: Bearer</c>
    /// on every call, or no key when it is null, over <paramref name="handler"/> when given (else the server's own).
    /// The caller disposes it.</summary>
    public GrpcChannel ChannelFor(string? apiKey, HttpMessageHandler? handler = null) =>
        ScrubberChannel.Open(new ScrubberChannelOptions(Address, apiKey) { HttpHandler = handler ?? _handler?.Invoke() });

    /// <summary>Starts the host and waits until grpc.health.v1 reports SERVING.</summary>
    public static Task<RunningServer> StartAsync(params string[] extraArgs) => StartCoreAsync(null, null, extraArgs);

    /// <summary>Starts the host without the default arguments of the settings in <paramref name="leftOut"/> (e.g.
    /// <c>Ncci:MedicaidPractitioner</c>), so what the settings file says of them, or nothing, applies; waits until it
    /// reports SERVING.</summary>
    public static Task<RunningServer> StartWithoutDefaultsAsync(IReadOnlyCollection<string> leftOut, params string[] extraArgs) =>
        StartCoreAsync(null, null, extraArgs, leftOut);

    /// <summary>Starts the host, with <paramref name="handler"/> making the HTTP handler of every channel to it (to
    /// trust a test TLS certificate or present a client certificate), and waits until it reports SERVING.</summary>
    public static Task<RunningServer> StartAsync(Func<HttpMessageHandler>? handler, params string[] extraArgs) => StartCoreAsync(handler, null, extraArgs);

    /// <summary>Starts the host on <paramref name="time"/>'s clock instead of the system's, and waits until it reports SERVING.</summary>
    public static Task<RunningServer> StartAsync(TimeProvider time, params string[] extraArgs) => StartCoreAsync(null, s => s.AddSingleton(time), extraArgs);

    /// <summary>Starts the host with <paramref name="services"/> registered before its own (a service registered there
    /// with TryAdd by the host, such as a clock, is then the test's), and waits until it reports SERVING.</summary>
    public static Task<RunningServer> StartWithServicesAsync(Action<IServiceCollection> services, params string[] extraArgs) => StartCoreAsync(null, services, extraArgs);

    private static async Task<RunningServer> StartCoreAsync(Func<HttpMessageHandler>? handler, Action<IServiceCollection>? services, string[] extraArgs,
        IReadOnlyCollection<string>? leftOut = null)
    {
        var logs = new LogCapture();
        var data = extraArgs.Any(a => a.StartsWith("--Audit:Path=", StringComparison.Ordinal)) ? null : new TempDirectory();
        string[] databaseArgs = data is null ? [] : [$"--Audit:Path={data.File("scrubber.db")}"];
        var app = await StartAppAsync([.. databaseArgs, .. extraArgs], logs, services, leftOut ?? []);
        var server = new RunningServer(app, logs, data, handler);
        await server.WaitUntilServingAsync();
        return server;
    }

    /// <summary>Creates and starts the host. The web port is probed free and then bound, so another process may take it
    /// in between: a start that fails on that port is retried with a new one, as a person would pick another.</summary>
    private static async Task<WebApplication> StartAppAsync(string[] args, LogCapture logs, Action<IServiceCollection>? services, IReadOnlyCollection<string> leftOut)
    {
        const int attempts = 3;
        var defaults = DefaultArgs.Where(a => !leftOut.Any(key => a.StartsWith($"--{key}:", StringComparison.Ordinal) || a.StartsWith($"--{key}=", StringComparison.Ordinal)));
        for (var attempt = 1; ; attempt++)
        {
            var app = ScrubberApp.Create([.. defaults, .. args], b =>
            {
                b.Logging.AddProvider(logs);
                services?.Invoke(b.Services);
            });
            try
            {
                await app.StartAsync();
                return app;
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < attempts &&
                                         !args.Any(a => a.StartsWith("--Kestrel:Endpoints:Web:Url=", StringComparison.Ordinal)))
            {
                await app.DisposeAsync();
            }
        }
    }

    public Task WaitUntilServingAsync() => Serving.WaitAsync(Channel, TimeSpan.FromSeconds(30), () => string.Join('\n', Logs.Lines));

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _data?.Dispose();
    }
}
