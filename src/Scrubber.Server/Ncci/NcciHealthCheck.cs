using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scrubber.Server.Ncci;

/// <summary>Unhealthy (grpc.health.v1 NOT_SERVING) until the NCCI tables are loaded.</summary>
internal sealed class NcciHealthCheck(LiveNcciTables live) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(live.Current is null
            ? HealthCheckResult.Unhealthy("NCCI tables are loading.")
            : HealthCheckResult.Healthy());
}
