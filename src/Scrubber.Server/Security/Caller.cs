using System.Collections.Immutable;
using System.Security.Claims;

namespace Scrubber.Server.Security;

/// <summary>One configured caller: its name, the hash it is known by, its scopes, and the principal every call it makes runs as.</summary>
/// <remarks>The principal is built once, when the settings are read, and shared by that caller's calls: nothing in the
/// service adds identities or claims to a request's user, and building it per call would be the largest cost of
/// authentication.</remarks>
internal sealed record Caller(string Name, string Hex, byte[] Hash, ImmutableArray<string> Scopes, ClaimsPrincipal Principal)
{
    /// <summary>The claim that holds the hex hash of the caller's key or certificate, so a session can be checked against settings.</summary>
    public const string HashClaimType = "scrubber:caller-hash";

    public bool Has(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>Whether this caller is the one a settings entry describes: same name, hash and scopes.</summary>
    public bool Is(string name, string? hex, IEnumerable<string> scopes) =>
        Name == name && Hex == hex && Scopes.SequenceEqual(Normalize(scopes));

    public static Caller Create(string name, string hex, IEnumerable<string> scopes, string authenticationType)
    {
        var normalized = Normalize(scopes);
        List<Claim> claims = [new(ClaimTypes.Name, name), new(HashClaimType, hex), .. normalized.Select(s => new Claim(Security.Scopes.ClaimType, s))];
        return new Caller(name, hex, Convert.FromHexString(hex), normalized, new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType)));
    }

    private static ImmutableArray<string> Normalize(IEnumerable<string> scopes) => [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
