using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Scrubber.Server.Security;

/// <summary>Authenticates a call by its <c>authorization: Bearer</c> API key, else by its pinned client certificate.</summary>
/// <remarks>A presented key that is unknown fails the call even when a good certificate is also there: a caller that
/// sends a wrong key has a configuration problem it should hear about.</remarks>
internal sealed class CallerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CallerDirectory callers, FailedAuthenticationLog failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ScrubberCaller";

    private const string Bearer = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization;
        if (authorization.Count > 0)
        {
            ReadOnlySpan<char> value = authorization[0];
            if (authorization.Count > 1 || !value.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            {
                return Refused("The authorization header is not one Bearer API key.");
            }

            return callers.FindByKey(value[Bearer.Length..].Trim()) is { } caller ? Success(caller) : Refused("The API key is not configured.");
        }

        if (Context.Connection.ClientCertificate is { } certificate)
        {
            return callers.FindByCertificate(certificate) is { } caller ? Success(caller) : Refused("The client certificate is not configured.");
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }

    private Task<AuthenticateResult> Success(Caller caller) =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(caller.Principal, Scheme.Name)));

    private Task<AuthenticateResult> Refused(string why)
    {
        failures.Failed(Context.Connection.RemoteIpAddress?.ToString() ?? "unknown", throttled: false);
        return Task.FromResult(AuthenticateResult.Fail(why));
    }
}
