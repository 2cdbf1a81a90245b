using Microsoft.Extensions.Options;
using Scrubber.Server.Diagnostics;

namespace Scrubber.Server.Packs;

/// <summary>Loads the packs once the NCCI tables are in, then reloads them whenever a file under the packs folder changes.</summary>
internal sealed class PackWatcherService(IOptions<PacksOptions> options, PackReloader reloader, ILogger<PackWatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await reloader.ReloadAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return; // The NCCI load failed; the host is stopping.
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return; // The host stopped before the packs were loaded (a start that failed on a setting or an address).
        }

        if (!options.Value.Watch)
        {
            return;
        }

        if (!Directory.Exists(reloader.Root))
        {
            Log.PacksFolderMissing(logger, reloader.Root);
            return;
        }

        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(reloader.Root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Changed += (_, _) => changed.Release();
        watcher.Created += (_, _) => changed.Release();
        watcher.Deleted += (_, _) => changed.Release();
        watcher.Renamed += (_, _) => changed.Release();
        watcher.EnableRaisingEvents = true;
        Log.PacksWatching(logger, reloader.Root);

        while (!stoppingToken.IsCancellationRequested)
        {
            await changed.WaitAsync(stoppingToken).ConfigureAwait(false);

            // Let an editor finish its burst of writes, then reload once.
            while (await changed.WaitAsync(options.Value.DebounceMilliseconds, stoppingToken).ConfigureAwait(false))
            {
            }

            try
            {
                await reloader.ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.PackReloadFailed(logger, ex);
            }
        }
    }
}
