using Microsoft.Extensions.Options;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Server.Diagnostics;
using Scrubber.Server.Ncci;

namespace Scrubber.Server.Packs;

/// <summary>Rebuilds the pack set from the packs folder, one reload at a time, and publishes it whole.</summary>
/// <remarks>Each pack is validated, compiled, warmed and tested against its examples before the swap; requests in
/// flight keep the set they started with, so a swap fails none of them.</remarks>
internal sealed class PackReloader(
    IOptions<PacksOptions> options,
    IOptions<ScrubOptions> scrubOptions,
    IHostEnvironment environment,
    LivePacks live,
    LiveNcciTables ncci,
    ClaimScrubber scrubber,
    TimeProvider time,
    ScrubberMetrics metrics,
    ILogger<PackReloader> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public void Dispose() => _oneAtATime.Dispose();

    public string Root => Path.GetFullPath(options.Value.Root, environment.ContentRootPath);

    public async Task<PackCatalogResult> ReloadAsync(CancellationToken cancellationToken)
    {
        var tables = await ncci.FirstLoad.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = ncci.Current ?? tables;
            var now = time.GetUtcNow();
            var result = PackCatalog.Load(Root, live.Current, pack => PackExampleRunner.Verify(pack, scrubber, current), now,
                options.Value.Limits(scrubOptions.Value));
            live.Publish(result.Set);
            foreach (var change in result.Changes)
            {
                Log.PackChanged(logger, change);
            }

            foreach (var rejection in result.Set.Rejections)
            {
                if (rejection.At == now)
                {
                    metrics.PackRejected(rejection.PackId);
                }

                foreach (var error in rejection.Errors)
                {
                    Log.PackRejected(logger, rejection.PackId, error.ToString());
                }
            }

            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
