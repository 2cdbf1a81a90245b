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
            Log.NcciLoadFailed(logger, ex.Message);
            live.Fail(ex.Message);
            lifetime.StopApplication();
        }
    }
}
