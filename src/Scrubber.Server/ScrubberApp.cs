using Scrubber.Server.Diagnostics;
using Scrubber.Server.Grpc;
using Scrubber.Server.Ncci;

namespace Scrubber.Server;

/// <summary>The composition root: what the service registers and maps. Tests start the same app on a loopback port.</summary>
public static class ScrubberApp
{
    /// <summary>Builds the host from settings (appsettings.json, environment variables, <c>--Key=value</c> arguments).</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddScrubberDiagnostics();
        builder.Services.AddNcciTables(builder.Configuration, builder.Environment);
        builder.Services.AddScrubberGrpc();

        var app = builder.Build();
        app.MapScrubberGrpc();
        return app;
    }
}
