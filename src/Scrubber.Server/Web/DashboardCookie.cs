using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Scrubber.Server.Web;

/// <summary>The dashboard's sign-in cookie: HttpOnly, SameSite=Strict, Secure over https, for a working day from sign-in.</summary>
internal static class DashboardCookie
{
    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "scrubber.dashboard";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = DashboardSessions.Lifetime;

        // The session in the store ends eight hours after sign-in; a sliding cookie would outlive it for nothing.
        options.SlidingExpiration = false;
        options.LoginPath = SignInEndpoints.SignInPath;
        options.Events = new CookieAuthenticationEvents
        {
            // The page goes to sign-in; the JSON API answers with a status code a script can act on.
            OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden),

            // Every request: the session must be in force in the store (not signed out, not expired) and its key must
            // still open the dashboard under the settings in force. The request runs with the key's scopes of now.
            OnValidatePrincipal = async context =>
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<DashboardSessions>();
                if (sessions.Validate(context.Principal) is { } principal)
                {
                    context.ReplacePrincipal(principal);
                    return;
                }

                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            },
        };
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
