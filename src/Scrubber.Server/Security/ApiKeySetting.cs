namespace Scrubber.Server.Security;

/// <summary>One API key as settings hold it: a name for logs, the key's hash, its scopes. Never the key itself.</summary>
internal sealed record ApiKeySetting
{
    /// <summary>Who holds the key (<c>pm-system</c>); unique. Required.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary><c>sha256:</c> and the 64 hex digits of SHA-256 over the key's UTF-8 bytes. Required.</summary>
    public string Hash { get; init; } = string.Empty;

    /// <summary>At least one of scrub, outcomes, reports, admin.</summary>
    public List<string> Scopes { get; init; } = [];
}
