using Microsoft.Extensions.Options;
using Scrubber.Audit;
using Scrubber.Server.Audit;
using Scrubber.Server.Diagnostics;
using Scrubber.Server.Grpc;
using Scrubber.Server.Ncci;
using Scrubber.Server.Packs;
using Scrubber.Server.Security;

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
        configure?.Invoke(builder);
        builder.Services.AddScrubberDiagnostics();
        builder.Services.AddAuditStore(builder.Configuration);
        builder.Services.AddNcciTables(builder.Configuration, builder.Environment);
        builder.Services.AddPayerPacks(builder.Configuration);
        builder.Services.AddScrubberGrpc(builder.Configuration);
        builder.Services.AddScrubberSecurity(builder.Configuration);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapScrubberGrpc();
        return app;
    }

    /// <summary>Runs the service until it is stopped; returns the process exit code.</summary>
    /// <remarks>Bad settings and tables that cannot be loaded end the process with a one-line reason and exit
    /// code 1, not a stack trace.</remarks>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Create(args);
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or FormatException)
        {
            return await CannotStart(ex.Message).ConfigureAwait(false);
        }

        // Resolved before running: the host disposes its services when it stops.
        var tables = app.Services.GetRequiredService<LiveNcciTables>();
        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return tables.LoadFailure is null ? 0 : await CannotStart(tables.LoadFailure).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            return await CannotStart(string.Join(" ", ex.Failures)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (tables.LoadFailure is not null)
        {
            // The NCCI load failed during start and stopped the host before it had started.
            return await CannotStart(tables.LoadFailure).ConfigureAwait(false);
        }
        catch (AuditStoreException ex)
        {
            return await CannotStart(ex.Message).ConfigureAwait(false);
        }
    }

    /// <summary>The last line an operator sees: the one-line reason (it is logged too), and exit code 1.</summary>
    private static async Task<int> CannotStart(string reason)
    {
        await Console.Error.WriteLineAsync("Scrubber cannot start: " + reason).ConfigureAwait(false);
        return 1;
    }
}
