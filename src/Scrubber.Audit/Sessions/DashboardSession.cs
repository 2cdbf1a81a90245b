namespace Scrubber.Audit.Sessions;

/// <summary>One dashboard sign-in as the store keeps it: the hash of its session id, who signed in, until when, and
/// whether it was revoked.</summary>
/// <param name="SessionHash">SHA-256 hex of the session id the cookie carries; the id itself is never stored.</param>
/// <param name="CallerHash">SHA-256 hex of the key that signed in, as the settings hold it.</param>
/// <param name="CallerName">The key's name in the settings.</param>
/// <param name="CreatedAt">When it signed in.</param>
/// <param name="ExpiresAt">When it ends on its own.</param>
/// <param name="RevokedAt">When it was revoked; null while in force.</param>
/// <param name="RevokedWhy"><see cref="SignedOut"/> or <see cref="CallerRemoved"/>; empty while in force.</param>
public sealed record DashboardSession(
    string SessionHash,
    string CallerHash,
    string CallerName,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt = null,
    string RevokedWhy = "")
{
    /// <summary>Revoked by signing out.</summary>
    public const string SignedOut = "signed_out";

    /// <summary>Revoked because its key left the settings or lost the scope the dashboard needs.</summary>
    public const string CallerRemoved = "caller_removed";

    /// <summary>Whether the session may be used at <paramref name="now"/>.</summary>
    public bool InForceAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
