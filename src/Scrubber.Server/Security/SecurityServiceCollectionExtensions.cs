using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scrubber.Server.Web;

namespace Scrubber.Server.Security;

/// <summary>Registers who may call: API keys and client certificates for every RPC, a sign-in cookie for the dashboard,
/// and one authorization policy per scope.</summary>
internal static class SecurityServiceCollectionExtensions
{
    /// <summary>The dashboard's policy: the <c>reports</c> scope, from the sign-in cookie or a Bearer key.</summary>
    public const string DashboardPolicy = "dashboard";

    private const string DashboardScheme = "Dashboard";

    public static IServiceCollection AddScrubberSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound once at start, without a change-token source: an options monitor whose settings turn invalid throws from
        // inside the configuration's reload. CallerDirectory follows changes itself and refuses bad settings fail-closed.
        services.AddOptions<SecurityOptions>().Configure(o => configuration.GetSection(SecurityOptions.Section).Bind(o)).ValidateOnStart();
        services.AddSingleton<SecurityOptionsValidator>();
        services.AddSingleton<IValidateOptions<SecurityOptions>>(sp => sp.GetRequiredService<SecurityOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CallerDirectory>();
        services.AddSingleton<DashboardSessions>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<FailedAuthenticationLog>();

        // The handler's own lines (two Information lines for every refused call) would let a guesser flood the log;
        // FailedAuthenticationLog counts refusals per address instead.
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(null, typeof(CallerAuthenticationHandler).FullName, LogLevel.Warning, null)));

        // A stream is authenticated once, when it opens; its caller is checked again at every message it sends.
        services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<StreamCallerInterceptor>());

        // The dashboard answers on the Web endpoint only; its connections are tagged as Kestrel accepts them.
        services.Configure<KestrelServerOptions>(WebEndpoint.TagConnections);

        // Trust in a client certificate comes from its SHA-256 pinned in Security:ClientCertificates, not from a CA
        // chain, so the TLS handshake takes any certificate and the call is refused (UNAUTHENTICATED) when it is not pinned.
        services.Configure<KestrelServerOptions>(k => k.ConfigureHttpsDefaults(https => https.ClientCertificateValidation = (_, _, _) => true));

        services.AddAuthentication(CallerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CallerAuthenticationHandler>(CallerAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, DashboardCookie.Configure)
            .AddPolicyScheme(DashboardScheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? CallerAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme);
        services.AddAuthorization(o =>
        {
            // Anything mapped without a policy of its own still needs a known caller.
            o.FallbackPolicy = o.DefaultPolicy;
            foreach (var scope in Scopes.All)
            {
                o.AddPolicy(scope, p => p.RequireClaim(Scopes.ClaimType, scope));
            }

            o.AddPolicy(DashboardPolicy, p => p.AddAuthenticationSchemes(DashboardScheme).RequireClaim(Scopes.ClaimType, Scopes.Reports));
        });
        services.AddAntiforgery();
        return services;
    }
}
