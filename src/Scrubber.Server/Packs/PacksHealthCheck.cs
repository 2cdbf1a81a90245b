using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scrubber.Server.Packs;

/// <summary>Unhealthy (grpc.health.v1 NOT_SERVING) until the packs folder has been loaded once.</summary>
internal sealed class PacksHealthCheck(LivePacks live) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(live.Loaded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Payer packs are loading."));
}
