using Scrubber.Server.Audit;
using Scrubber.Server.Diagnostics;
using Scrubber.Server.Grpc;
using Scrubber.Server.Ncci;
using Scrubber.Server.Packs;
using Scrubber.Server.Security;
using Scrubber.Server.Web;

namespace Scrubber.Server;

/// <summary>The composition root: what the service registers and maps. Tests start the same app on a loopback port.</summary>
public static class ScrubberApp
{
    /// <summary>Builds the host from settings (appsettings.json, environment variables, <c>--Key=value</c> arguments).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Runs before the services are registered; tests use it to capture logs.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // The host logs a failure to start with its stack trace; RunAsync gives the one-line reason instead.
        builder.Logging.AddFilter(StartupFailure.HostCategory, StartupFailure.IsVerbose(builder.Configuration) ? LogLevel.Trace : LogLevel.Critical);
        configure?.Invoke(builder);
        builder.Services.AddScrubberDiagnostics();
        builder.Services.AddAuditStore(builder.Configuration);
        builder.Services.AddNcciTables(builder.Configuration, builder.Environment);
        builder.Services.AddPayerPacks(builder.Configuration);
        builder.Services.AddScrubberGrpc(builder.Configuration);
        builder.Services.AddScrubberSecurity(builder.Configuration);
        builder.Services.AddKeyRingWithStore(builder.Configuration, builder.Environment);

        var app = builder.Build();
        app.UseRouting();
        app.UseWebEndpoint();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapScrubberGrpc();
        return app;
    }

    /// <summary>Runs the service until it is stopped; returns the process exit code.</summary>
    /// <remarks>Every failure to start (a bad setting, an address in use, a table that cannot be loaded) ends the
    /// process with one line naming the setting, file or address, and exit code 1: no unhandled exception and no stack
    /// trace, unless <c>--Logging:LogLevel:Default=Debug</c> asks for it.</remarks>
    public static async Task<int> RunAsync(string[] args)
    {
        var verbose = StartupFailure.IsVerbose(args);
        WebApplication app;
        try
        {
            app = Create(args);
        }
        catch (Exception ex)
        {
            return await StartupFailure.ExitAsync(StartupFailure.Reason(ex, null), verbose ? ex : null).ConfigureAwait(false);
        }

        // Read before running: RunAsync disposes the host, its services and its settings when it stops.
        var tables = app.Services.GetRequiredService<LiveNcciTables>();
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return tables.LoadFailure is null ? 0 : await StartupFailure.ExitAsync(tables.LoadFailure, null).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A table load that failed during start stops the host before it has started: its reason is the one to give.
            var reason = tables.LoadFailure ?? StartupFailure.Reason(ex, configuration);
            return await StartupFailure.ExitAsync(reason, verbose ? ex : null).ConfigureAwait(false);
        }
    }
}
