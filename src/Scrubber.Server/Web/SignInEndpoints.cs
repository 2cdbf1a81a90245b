using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, (HttpContext context, IAntiforgery antiforgery) => Page(context, antiforgery, failed: false)).AllowAnonymous();
        app.MapPost(SignInPath, SignInAsync).AllowAnonymous();

        // A GET so the page can offer it as a plain link; forcing someone out of the dashboard is all a forged one can do.
        app.MapGet(SignOutPath, async (HttpContext context, DashboardSessions sessions) =>
        {
            // Revoked in the store, not only dropped from the browser: a copy of the cookie is refused from now on.
            var cookie = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            await sessions.RevokeAsync(cookie.Principal, context.RequestAborted).ConfigureAwait(false);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect(SignInPath);
        }).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, IAntiforgery antiforgery, CallerDirectory callers, DashboardSessions sessions, SignInThrottle throttle, FailedAuthenticationLog failures)
    {
        // The address is the connection's own: a forwarded-for header is the client's to write, so trusting it would
        // give every guess a fresh bucket.
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.Attempt("address:" + address) is { } wait)
        {
            failures.Failed(address, throttled: true);
            return TooMany(wait);
        }

        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Results.BadRequest("The sign-in form expired; reload the page.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var key = form["key"].ToString();
        if (throttle.Attempt("key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))) is { } keyWait)
        {
            failures.Failed(address, throttled: true);
            return TooMany(keyWait);
        }

        if (callers.FindByKey(key) is not { } caller || !caller.Has(Scopes.Reports))
        {
            // One answer for an unknown key and a key without the reports scope: the page says no more than that.
            failures.Failed(address, throttled: false);
            return Page(context, antiforgery, failed: true);
        }

        var principal = await sessions.OpenAsync(caller, context.RequestAborted).ConfigureAwait(false);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal).ConfigureAwait(false);

        // Always to the dashboard: following a return address from the query string would make this an open redirect.
        return Results.Redirect("/");
    }

    private static TooManyAttempts TooMany(TimeSpan wait) => new TooManyAttempts((int)Math.Max(1, Math.Ceiling(wait.TotalSeconds)));

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, bool failed)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Results.Content(
            SignInPage.Render(tokens.FormFieldName, tokens.RequestToken ?? string.Empty, failed),
            "text/html; charset=utf-8",
            statusCode: failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    /// <summary>429 with <c>Retry-After</c> in whole seconds.</summary>
    private sealed class TooManyAttempts(int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            return httpContext.Response.WriteAsync($"Too many sign-in attempts; try again in {seconds} s.", httpContext.RequestAborted);
        }
    }
}
