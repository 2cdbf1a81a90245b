using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Scrubber.Server.Security;

/// <summary>One immutable set of configured callers, looked up by the SHA-256 of a presented key or client certificate.</summary>
/// <remarks>
/// Built from validated settings and published whole by <see cref="CallerDirectory"/>. A lookup hashes what was
/// presented into a stack buffer and finds it in a frozen dictionary through a span: no allocation per call. The
/// dictionary compares hashes, not keys, so its timing tells a guesser at most how much of SHA-256 of their guess
/// matches, which leads nowhere; the final comparison is fixed-time all the same.
/// </remarks>
internal sealed class CallerSet
{
    private readonly FrozenDictionary<string, Caller> _keys;
    private readonly FrozenDictionary<string, Caller> _certificates;
    private readonly FrozenDictionary<string, Caller>.AlternateLookup<ReadOnlySpan<char>> _keysBySpan;
    private readonly FrozenDictionary<string, Caller>.AlternateLookup<ReadOnlySpan<char>> _certificatesBySpan;

    private CallerSet(IEnumerable<Caller> keys, IEnumerable<Caller> certificates)
    {
        _keys = keys.ToFrozenDictionary(c => c.Hex, StringComparer.Ordinal);
        _certificates = certificates.ToFrozenDictionary(c => c.Hex, StringComparer.Ordinal);
        _keysBySpan = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        _certificatesBySpan = _certificates.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The API keys, by name.</summary>
    public IEnumerable<Caller> Keys => _keys.Values.OrderBy(c => c.Name, StringComparer.Ordinal);

    /// <summary>The client certificates, by name.</summary>
    public IEnumerable<Caller> Certificates => _certificates.Values.OrderBy(c => c.Name, StringComparer.Ordinal);

    /// <summary>The set that <paramref name="settings"/> describe; every entry must be well formed (validated).</summary>
    public static CallerSet From(SecurityOptions settings) => new(
        settings.ApiKeys.Select(k => Caller.Create(k.Name, KeyHash.HexOf(k.Hash)!, k.Scopes, CallerAuthenticationHandler.SchemeName)),
        settings.ClientCertificates.Select(c => Caller.Create(c.Name, KeyHash.NormalizeHex(c.Thumbprint)!, c.Scopes, CallerAuthenticationHandler.SchemeName)));

    /// <summary>The callers of this set that <paramref name="settings"/> still hold exactly as they are (same name, key or
    /// certificate, and scopes), whether or not the rest of those settings are valid; <paramref name="exclude"/> drops
    /// more. This is what stays in force when new settings are refused: nothing removed or changed survives, and
    /// nothing new is let in.</summary>
    public CallerSet Unchanged(SecurityOptions settings, Func<Caller, bool> exclude)
    {
        var keys = settings.ApiKeys.Select(k => (k.Name, Hex: KeyHash.HexOf(k.Hash), k.Scopes)).ToList();
        var certificates = settings.ClientCertificates.Select(c => (c.Name, Hex: KeyHash.NormalizeHex(c.Thumbprint), c.Scopes)).ToList();
        return new CallerSet(
            _keys.Values.Where(c => !exclude(c) && keys.Any(k => c.Is(k.Name, k.Hex, k.Scopes))),
            _certificates.Values.Where(c => !exclude(c) && certificates.Any(k => c.Is(k.Name, k.Hex, k.Scopes))));
    }

    /// <summary>The caller whose key this is, or null.</summary>
    public Caller? FindByKey(ReadOnlySpan<char> key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        return KeyHash.TryCompute(key, hash) ? Find(_keysBySpan, hash) : null;
    }

    /// <summary>The caller this client certificate is pinned to, or null.</summary>
    public Caller? FindByCertificate(X509Certificate2 certificate)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        return certificate.TryGetCertHash(HashAlgorithmName.SHA256, hash, out _) ? Find(_certificatesBySpan, hash) : null;
    }

    /// <summary>The caller a signed-in session names by hash, if this set holds it.</summary>
    public Caller? FindByHash(string hex) =>
        _keys.GetValueOrDefault(hex) ?? _certificates.GetValueOrDefault(hex);

    /// <summary>One line per caller added, removed or changed from <paramref name="before"/> to this set, by name (never
    /// a hash), in name order.</summary>
    public IReadOnlyList<string> ChangesFrom(CallerSet before) =>
    [
        .. Changes("API key", before._keys, _keys),
        .. Changes("client certificate", before._certificates, _certificates),
    ];

    private static IEnumerable<string> Changes(string kind, FrozenDictionary<string, Caller> before, FrozenDictionary<string, Caller> after)
    {
        var was = before.Values.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var now = after.Values.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var name in was.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var (old, current) = (was.GetValueOrDefault(name), now.GetValueOrDefault(name));
            if (old is null)
            {
                yield return $"{kind} '{name}' added ({string.Join(", ", current!.Scopes)})";
            }
            else if (current is null)
            {
                yield return $"{kind} '{name}' removed";
            }
            else if (old.Hex != current.Hex)
            {
                yield return $"{kind} '{name}' replaced ({string.Join(", ", current.Scopes)})";
            }
            else if (!old.Scopes.SequenceEqual(current.Scopes))
            {
                yield return $"{kind} '{name}' scopes changed to {string.Join(", ", current.Scopes)}";
            }
        }
    }

    private static Caller? Find(FrozenDictionary<string, Caller>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<byte> hash)
    {
        Span<char> hex = stackalloc char[SHA256.HashSizeInBytes * 2];
        Convert.TryToHexStringLower(hash, hex, out _);
        return lookup.TryGetValue(hex, out var caller) && CryptographicOperations.FixedTimeEquals(caller.Hash, hash) ? caller : null;
    }
}
