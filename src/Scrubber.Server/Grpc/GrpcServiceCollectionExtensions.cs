using Scrubber.Server.Feedback;
using Scrubber.Server.Outcomes;
using Scrubber.Server.Scrubbing;
using Scrubber.Server.Web;

namespace Scrubber.Server.Grpc;

/// <summary>Registers and maps the gRPC services, reflection and grpc.health.v1.</summary>
internal static class GrpcServiceCollectionExtensions
{
    public static IServiceCollection AddScrubberGrpc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddGrpc(o => o.EnableDetailedErrors = false);
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks();
        services.AddSingleton<ScrubPipeline>();
        services.AddSingleton<RemittanceIngester>();
        return services;
    }

    public static WebApplication MapScrubberGrpc(this WebApplication app)
    {
        app.MapGrpcService<ClaimScrubberService>();
        app.MapGrpcService<AdminService>();
        app.MapGrpcService<OutcomesService>();
        app.MapGrpcService<FeedbackService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapDashboard();
        return app;
    }
}
