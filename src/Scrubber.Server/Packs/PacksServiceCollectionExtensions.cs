namespace Scrubber.Server.Packs;

/// <summary>Registers the payer packs: settings, the live set, the reloader and the folder watcher.</summary>
internal static class PacksServiceCollectionExtensions
{
    public static IServiceCollection AddPayerPacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PacksOptions>().Bind(configuration.GetSection(PacksOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.CostlyPackCost is null or >= 0,
                "Packs:CostlyPackCost must be 0 or more: the computed cost above which a pack's claims take turns (default a tenth of Packs:MaxEvaluationCost).")
            .Validate(o => o.MaxConcurrentCostlyEvaluations is >= 1 and <= PacksOptions.MostConcurrentCostlyEvaluations,
                $"Packs:MaxConcurrentCostlyEvaluations must be from 1 to {PacksOptions.MostConcurrentCostlyEvaluations}: how many claims of one costly pack are evaluated at once.")
            .ValidateOnStart();
        services.AddSingleton<LivePacks>();
        services.AddSingleton<PackReloader>();
        services.AddHostedService<PackWatcherService>();
        services.AddHealthChecks().AddCheck<PacksHealthCheck>("packs");
        return services;
    }
}
