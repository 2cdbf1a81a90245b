using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Server.Ncci;

/// <summary>Registers the NCCI tables: settings, background loading, the live snapshot, health and the scrub engine.</summary>
internal static class NcciServiceCollectionExtensions
{
    public static IServiceCollection AddNcciTables(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<NcciOptions>().Bind(configuration.GetSection(NcciOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NcciOptions>>(new NcciOptionsValidator(environment));
        services.AddOptions<MueOptions>().Bind(configuration.GetSection(MueOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MueOptions>>(new NcciOptionsValidator(environment));
        services.AddOptions<AddOnCodeOptions>().Bind(configuration.GetSection(AddOnCodeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AddOnCodeOptions>>(new NcciOptionsValidator(environment));
        services.AddOptions<PfsOptions>().Bind(configuration.GetSection(PfsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PfsOptions>>(new NcciOptionsValidator(environment));
        services.AddOptions<ScrubOptions>().Bind(configuration.GetSection(ScrubOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.IndicatorOneSeverity is Severity.Warning or Severity.HardStop,
                "Scrub:IndicatorOneSeverity must be Warning or HardStop.")
            .Validate(o => Enum.IsDefined(o.ProviderScope), "Scrub:ProviderScope must be RenderingNpi or BillingNpi.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LiveNcciTables>();
        services.AddSingleton<NcciTableLoader>();
        services.AddHostedService<NcciLoaderService>();
        services.AddSingleton(sp =>
        {
            var packs = sp.GetRequiredService<IOptions<Packs.PacksOptions>>().Value;
            var budgetClock = sp.GetKeyedService<TimeProvider>(Packs.PacksOptions.BudgetClockKey) ?? sp.GetRequiredService<TimeProvider>();
            return new ClaimScrubber(sp.GetRequiredService<IOptions<ScrubOptions>>().Value, packs.Budget(budgetClock), packs.Gate());
        });
        services.AddHealthChecks().AddCheck<NcciHealthCheck>("ncci");
        return services;
    }
}
