using Microsoft.Extensions.Options;
using Scrubber.Audit;

namespace Scrubber.Server.Audit;

/// <summary>Registers the audit store: settings, the store opened at start, and the patient key.</summary>
internal static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAuditStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.PatientKeySecret.Length >= 32,
                "Audit:PatientKeySecret must be set to a secret of at least 32 characters (it keys the patient hash; see README, Security).")
            .Validate(o => o.Provider != AuditProvider.Postgres || o.ConnectionString.Length > 0,
                "Audit:ConnectionString must name the PostgreSQL database when Audit:Provider is Postgres (e.g. Host=db;Port=5432;Database=scrubber;Username=scrubber;Password=…).")
            .ValidateOnStart();

        // Registered before the other hosted services so the store is open before tables load and calls arrive.
        services.AddSingleton<AuditStoreHost>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditStoreHost>());
        services.AddSingleton(sp => new PatientKey(sp.GetRequiredService<IOptions<AuditOptions>>().Value.PatientKeySecret));
        return services;
    }
}
