using System.Security.Claims;

namespace Scrubber.Server.Security;

/// <summary>One configured caller: its name, the hash it is known by, and the principal every call it makes runs as.</summary>
/// <remarks>The principal is built once at start and shared by that caller's calls: nothing in the service adds
/// identities or claims to a request's user, and building it per call would be the largest cost of authentication.</remarks>
internal sealed record Caller(string Name, byte[] Hash, ClaimsPrincipal Principal)
{
    /// <summary>The claim that holds the hex hash of the caller's key or certificate, so a cookie can be checked against settings.</summary>
    public const string HashClaimType = "scrubber:caller-hash";

    public bool Has(string scope) => Principal.HasClaim(Scopes.ClaimType, scope);

    public static Caller Create(string name, string hex, IEnumerable<string> scopes, string authenticationType)
    {
        List<Claim> claims = [new(ClaimTypes.Name, name), new(HashClaimType, hex), .. scopes.Distinct(StringComparer.Ordinal).Select(s => new Claim(Scopes.ClaimType, s))];
        return new Caller(name, Convert.FromHexString(hex), new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType)));
    }
}
