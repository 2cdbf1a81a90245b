using System.Collections.Frozen;

namespace Scrubber.Server.Security;

/// <summary>What a caller may do. Each scope is also the name of the authorization policy that requires it.</summary>
internal static class Scopes
{
    /// <summary>The claim type that carries a caller's scopes.</summary>
    public const string ClaimType = "scope";

    /// <summary>ClaimScrubber: scrub claims.</summary>
    public const string Scrub = "scrub";

    /// <summary>Outcomes: confirm submissions, ingest 835s, record resolutions.</summary>
    public const string Outcomes = "outcomes";

    /// <summary>Feedback reports over gRPC and the dashboard.</summary>
    public const string Reports = "reports";

    /// <summary>Admin (status, pack reload) and server reflection.</summary>
    public const string Admin = "admin";

    public static FrozenSet<string> All { get; } = FrozenSet.Create(StringComparer.Ordinal, Scrub, Outcomes, Reports, Admin);

    /// <summary>The scopes in the order messages list them.</summary>
    public static string Listed { get; } = string.Join(", ", Scrub, Outcomes, Reports, Admin);
}
