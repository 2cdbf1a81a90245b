using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Options;
using Scrubber.Server.Feedback;
using Scrubber.Server.Outcomes;
using Scrubber.Server.Scrubbing;
using Scrubber.Server.Security;
using Scrubber.Server.Web;

namespace Scrubber.Server.Grpc;

/// <summary>Registers and maps the gRPC services, reflection and grpc.health.v1.</summary>
internal static class GrpcServiceCollectionExtensions
{
    public static IServiceCollection AddScrubberGrpc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutcomesOptions>().Bind(configuration.GetSection(OutcomesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GrpcLimitsOptions>().Bind(configuration.GetSection(GrpcLimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddGrpc(o =>
        {
            o.EnableDetailedErrors = false;
            o.Interceptors.Add<ErrorInterceptor>();
        });
        services.AddOptions<GrpcServiceOptions>().Configure<IOptions<GrpcLimitsOptions>>((o, limits) => o.MaxReceiveMessageSize = limits.Value.MaxReceiveMessageSizeBytes);
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks();
        services.AddSingleton<ScrubPipeline>();
        services.AddSingleton<RemittanceIngester>();
        return services;
    }

    public static WebApplication MapScrubberGrpc(this WebApplication app)
    {
        app.MapGrpcService<ClaimScrubberService>().RequireAuthorization(Scopes.Scrub);
        app.MapGrpcService<OutcomesService>().RequireAuthorization(Scopes.Outcomes);
        app.MapGrpcService<FeedbackService>().RequireAuthorization(Scopes.Reports);

        // GetStatus and ReloadPacks carry the admin policy themselves; Ping answers any known caller.
        app.MapGrpcService<AdminService>().RequireAuthorization();

        // Load balancers probe health without a key, and it tells them no more than SERVING or not.
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().RequireAuthorization(Scopes.Admin);
        app.MapDashboard();
        return app;
    }
}
