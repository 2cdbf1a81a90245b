using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Scrubber.Server;
using Scrubber.V1;

namespace Scrubber.Testing;

/// <summary>The real host on a loopback port with the shipped sample tables, and a gRPC channel to it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    public const string PatientKeySecret = "test-only-patient-key-secret-0123456789";

    private readonly TempDirectory? _data;

    private RunningServer(WebApplication app, LogCapture logs, TempDirectory? data)
    {
        App = app;
        Logs = logs;
        _data = data;
        WebAddress = app.Configuration["Kestrel:Endpoints:Web:Url"]!;
        Address = app.Urls.Single(u => u != WebAddress);
        Channel = GrpcChannel.ForAddress(Address);
    }

    public WebApplication App { get; }

    public LogCapture Logs { get; }

    /// <summary>The gRPC endpoint.</summary>
    public string Address { get; }

    /// <summary>The dashboard endpoint (HTTP/1.1).</summary>
    public string WebAddress { get; }

    public GrpcChannel Channel { get; }

    public ClaimScrubber.ClaimScrubberClient Scrubber => new(Channel);

    public Admin.AdminClient Admin => new(Channel);

    /// <summary>The audit database file, under a temporary folder of this server's own unless a test gave one.</summary>
    public string DatabasePath => App.Configuration["Audit:Path"]!;

    /// <summary>The arguments every test server starts with: a free loopback port, the sample tables and packs, the test secret.</summary>
    public static IEnumerable<string> DefaultArgs =>
    [
        $"--Kestrel:Endpoints:Web:Url=http://127.0.0.1:{FreePort()}",
        $"--Audit:PatientKeySecret={PatientKeySecret}",
        "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
        $"--Ncci:Practitioner:0={RepositoryPaths.PractitionerExcerpt}",
        $"--Ncci:OutpatientHospital:0={RepositoryPaths.OutpatientSample}",
        $"--Packs:Root={RepositoryPaths.Packs}",
    ];

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the host and waits until grpc.health.v1 reports SERVING.</summary>
    public static async Task<RunningServer> StartAsync(params string[] extraArgs)
    {
        var logs = new LogCapture();
        var data = extraArgs.Any(a => a.StartsWith("--Audit:Path=", StringComparison.Ordinal)) ? null : new TempDirectory();
        string[] databaseArgs = data is null ? [] : [$"--Audit:Path={data.File("scrubber.db")}"];
        var app = ScrubberApp.Create([.. DefaultArgs, .. databaseArgs, .. extraArgs], b => b.Logging.AddProvider(logs));
        await app.StartAsync();
        var server = new RunningServer(app, logs, data);
        await server.WaitUntilServingAsync();
        return server;
    }

    public async Task WaitUntilServingAsync()
    {
        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var reply = await health.CheckAsync(new HealthCheckRequest());
            if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The server did not report SERVING within 30 s. Log:\n" + string.Join('\n', Logs.Lines));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _data?.Dispose();
    }
}
