using Microsoft.AspNetCore.Authentication.Cookies;
using Scrubber.Server.Security;

namespace Scrubber.Server.Web;

/// <summary>The dashboard's sign-in cookie: HttpOnly, SameSite=Strict, Secure over https, for a working day.</summary>
internal static class DashboardCookie
{
    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "scrubber.dashboard";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = SignInEndpoints.SignInPath;
        options.Events = new CookieAuthenticationEvents
        {
            // The page goes to sign-in; the JSON API answers with a status code a script can act on.
            OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden),

            // A key removed from settings ends the sessions signed in with it, at their next request.
            OnValidatePrincipal = context =>
            {
                var hash = context.Principal?.FindFirst(Caller.HashClaimType)?.Value;
                var callers = context.HttpContext.RequestServices.GetRequiredService<CallerDirectory>();
                if (hash is null || callers.FindByHash(hash) is not { } caller || !caller.Has(Scopes.Reports))
                {
                    context.RejectPrincipal();
                }

                return Task.CompletedTask;
            },
        };
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
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
