using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Scrubber.Server.Web;

/// <summary>The Kestrel endpoint named <c>Web</c> (<c>Kestrel:Endpoints:Web</c>): the only one the dashboard answers on,
/// and the one whose every response carries the browser security headers.</summary>
/// <remarks>Connections are told apart by the endpoint that accepted them, tagged as Kestrel accepts them, never by the
/// Host header, which the client writes.</remarks>
internal static class WebEndpoint
{
    public const string Name = "Web";

    /// <summary>Self only: the pages load their script and styles from this origin, and nothing is inline.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private const string Tag = "scrubber.web-endpoint";

    /// <summary>Tags every connection the Web endpoint accepts (also after Kestrel reloads its endpoints).</summary>
    public static void TagConnections(KestrelServerOptions kestrel) =>
        kestrel.ConfigurationLoader?.Endpoint(Name, endpoint => endpoint.ListenOptions.Use(next => connection =>
        {
            connection.Items[Tag] = Tag;
            return next(connection);
        }));

    /// <summary>Whether the request came in on the Web endpoint.</summary>
    public static bool Accepted(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(Tag) == true;

    /// <summary>Adds the security headers to every response of the Web endpoint, and answers 404 to a request for a
    /// dashboard route that came in on another endpoint (the gRPC port): the dashboard is not served there.</summary>
    public static IApplicationBuilder UseWebEndpoint(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!Accepted(context))
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<DashboardRoute>() is not null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        }

        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>Marks an endpoint as part of the dashboard, served on the Web endpoint only.</summary>
    public sealed class DashboardRoute
    {
        public static readonly DashboardRoute Instance = new();
    }
}
