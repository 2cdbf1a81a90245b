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
    private RunningServer(WebApplication app, LogCapture logs)
    {
        App = app;
        Logs = logs;
        Address = app.Urls.Single();
        Channel = GrpcChannel.ForAddress(Address);
    }

    public WebApplication App { get; }

    public LogCapture Logs { get; }

    public string Address { get; }

    public GrpcChannel Channel { get; }

    public ClaimScrubber.ClaimScrubberClient Scrubber => new(Channel);

    public Admin.AdminClient Admin => new(Channel);

    /// <summary>The arguments every test server starts with: a free loopback port and the sample tables.</summary>
    public static IEnumerable<string> DefaultArgs =>
    [
        "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
        $"--Ncci:Practitioner:0={RepositoryPaths.PractitionerExcerpt}",
        $"--Ncci:OutpatientHospital:0={RepositoryPaths.OutpatientSample}",
        $"--Packs:Root={RepositoryPaths.Packs}",
    ];

    /// <summary>Starts the host and waits until grpc.health.v1 reports SERVING.</summary>
    public static async Task<RunningServer> StartAsync(params string[] extraArgs)
    {
        var logs = new LogCapture();
        var app = ScrubberApp.Create([.. DefaultArgs, .. extraArgs], b => b.Logging.AddProvider(logs));
        await app.StartAsync();
        var server = new RunningServer(app, logs);
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
    }
}
