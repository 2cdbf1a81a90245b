namespace Scrubber.Server.Diagnostics;

/// <summary>Registers the metrics of the service.</summary>
internal static class DiagnosticsServiceCollectionExtensions
{
    public static IServiceCollection AddScrubberDiagnostics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<ScrubberMetrics>();
        return services;
    }
}
