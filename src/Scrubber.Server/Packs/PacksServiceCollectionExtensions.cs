namespace Scrubber.Server.Packs;

/// <summary>Registers the payer packs: settings, the live set, the reloader and the folder watcher.</summary>
internal static class PacksServiceCollectionExtensions
{
    public static IServiceCollection AddPayerPacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PacksOptions>().Bind(configuration.GetSection(PacksOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LivePacks>();
        services.AddSingleton<PackReloader>();
        services.AddHostedService<PackWatcherService>();
        services.AddHealthChecks().AddCheck<PacksHealthCheck>("packs");
        return services;
    }
}
