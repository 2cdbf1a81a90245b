using Scrubber.Core.Ncci;
using Scrubber.Server.Diagnostics;

namespace Scrubber.Server.Ncci;

/// <summary>Loads the NCCI tables in the background after start, so health can say NOT_SERVING while they load.
/// A table that cannot be loaded at start stops the service (exit code 1): it never serves an empty index.</summary>
internal sealed class NcciLoaderService(
    NcciTableLoader loader,
    LiveNcciTables live,
    IHostApplicationLifetime lifetime,
    ILogger<NcciLoaderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await loader.LoadAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (NcciLoadException ex)
        {
            Fail(ex.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stopped while the tables loaded (a start that failed on a setting or an address): nothing to report.
        }
        catch (Exception ex)
        {
            // Whatever else a table file provokes must stop the start the same way, never leave a host without tables.
            Log.NcciLoadDefect(logger, ex);
            Fail($"the NCCI tables could not be loaded: {ex.Message}");
        }
    }

    private void Fail(string reason)
    {
        Log.NcciLoadFailed(logger, reason);
        live.Fail(reason);
        lifetime.StopApplication();
    }
}
