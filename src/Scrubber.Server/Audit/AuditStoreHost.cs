using Microsoft.Extensions.Options;
using Scrubber.Audit;
using Scrubber.Server.Diagnostics;

namespace Scrubber.Server.Audit;

/// <summary>Opens the audit store as the host starts (before any call is served) and closes it, drained, at stop.</summary>
internal sealed class AuditStoreHost(IOptions<AuditOptions> options, IHostEnvironment environment, ILogger<AuditStoreHost> logger) : IHostedService
{
    private AuditStore? _store;

    public AuditStore Store => _store ?? throw new InvalidOperationException("The audit store is not open yet.");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _store = AuditStore.Open(options.Value, environment.ContentRootPath);
        Log.AuditStoreOpen(logger, _store.Path);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
