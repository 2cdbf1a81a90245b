using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Scrubber.Audit.Sessions;
using Scrubber.Server.Audit;
using Scrubber.Server.Security;

namespace Scrubber.Server.Web;

/// <summary>Dashboard sessions, kept in the audit store: opened at sign-in, checked on every request against the store
/// and the callers in force, revoked at sign-out.</summary>
/// <remarks>The cookie carries the session id and nothing that decides access: scopes come from the settings in force
/// at each request, and whether the session is in force from the store, which every replica shares.</remarks>
internal sealed class DashboardSessions(AuditStoreHost audit, CallerDirectory callers, TimeProvider time)
{
    /// <summary>The claim of the cookie's principal that holds the session id.</summary>
    public const string SessionClaimType = "scrubber:session";

    /// <summary>How long a sign-in lasts: a working day, counted from sign-in.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>Records a new session for <paramref name="caller"/> and returns the principal its cookie carries.</summary>
    public async Task<ClaimsPrincipal> OpenAsync(Caller caller, CancellationToken cancellationToken)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await audit.Store.OpenSessionAsync(new DashboardSession(HashOf(id), caller.Hex, caller.Name, now, now + Lifetime), cancellationToken).ConfigureAwait(false);
        return Principal(caller, id);
    }

    /// <summary>The principal a request with this cookie runs as, with the scopes its key has now; null when the session
    /// is unknown, expired or revoked, or its key no longer opens the dashboard.</summary>
    public ClaimsPrincipal? Validate(ClaimsPrincipal? cookie)
    {
        if (cookie?.FindFirst(SessionClaimType)?.Value is not { Length: > 0 } id ||
            audit.Store.FindSession(HashOf(id)) is not { } session ||
            !session.InForceAt(time.GetUtcNow()) ||
            callers.FindByHash(session.CallerHash) is not { } caller ||
            !caller.Has(Scopes.Reports))
        {
            return null;
        }

        return Principal(caller, id);
    }

    /// <summary>Revokes the session this cookie carries, if any.</summary>
    public async Task RevokeAsync(ClaimsPrincipal? cookie, CancellationToken cancellationToken)
    {
        if (cookie?.FindFirst(SessionClaimType)?.Value is { Length: > 0 } id)
        {
            await audit.Store.RevokeSessionAsync(HashOf(id), time.GetUtcNow(), DashboardSession.SignedOut, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ClaimsPrincipal Principal(Caller caller, string id) =>
        new(new ClaimsIdentity([.. caller.Principal.Claims, new Claim(SessionClaimType, id)], CookieAuthenticationDefaults.AuthenticationScheme));

    private static string HashOf(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
