using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Scrubber.Server.Security;

namespace Scrubber.Server.Web;

/// <summary>Sign-in to the dashboard with an API key that has the <c>reports</c> scope, and sign-out.</summary>
internal static class SignInEndpoints
{
    public const string SignInPath = "/signin";

    public const string SignOutPath = "/signout";

    public static WebApplication MapSignIn(this WebApplication app)
    {
        app.MapGet(SignInPath, (HttpContext context, IAntiforgery antiforgery) => Page(context, antiforgery, failed: false)).AllowAnonymous();
        app.MapPost(SignInPath, async (HttpContext context, IAntiforgery antiforgery, CallerDirectory callers) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return Results.BadRequest("The sign-in form expired; reload the page.");
            }

            var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
            if (callers.FindByKey(form["key"].ToString()) is not { } caller || !caller.Has(Scopes.Reports))
            {
                // One answer for an unknown key and a key without the reports scope: the page says no more than that.
                return Page(context, antiforgery, failed: true);
            }

            var identity = new ClaimsIdentity(caller.Principal.Claims, CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
            // Always to the dashboard: following a return address from the query string would make this an open redirect.
            return Results.Redirect("/");
        }).AllowAnonymous();

        // A GET so the page can offer it as a plain link; forcing someone out of the dashboard is all a forged one can do.
        app.MapGet(SignOutPath, async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect(SignInPath);
        }).AllowAnonymous();
        return app;
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, bool failed)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Results.Content(
            SignInPage.Render(tokens.FormFieldName, tokens.RequestToken ?? string.Empty, failed),
            "text/html; charset=utf-8",
            statusCode: failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
