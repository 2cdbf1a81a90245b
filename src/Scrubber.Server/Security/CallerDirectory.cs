using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Scrubber.Server.Security;

/// <summary>The configured callers, looked up by the SHA-256 of a presented key or client certificate.</summary>
/// <remarks>
/// Built once from validated settings. A lookup hashes what was presented into a stack buffer and finds it in a
/// frozen dictionary through a span: no allocation per call. The dictionary compares hashes, not keys, so its timing
/// tells a guesser at most how much of SHA-256 of their guess matches, which leads nowhere; the final comparison
/// is fixed-time all the same.
/// </remarks>
internal sealed class CallerDirectory
{
    private readonly FrozenDictionary<string, Caller> _keys;
    private readonly FrozenDictionary<string, Caller> _certificates;
    private readonly FrozenDictionary<string, Caller>.AlternateLookup<ReadOnlySpan<char>> _keysBySpan;
    private readonly FrozenDictionary<string, Caller>.AlternateLookup<ReadOnlySpan<char>> _certificatesBySpan;

    public CallerDirectory(IOptions<SecurityOptions> options)
    {
        var settings = options.Value;
        _keys = settings.ApiKeys.ToFrozenDictionary(
            k => KeyHash.HexOf(k.Hash)!,
            k => Caller.Create(k.Name, KeyHash.HexOf(k.Hash)!, k.Scopes, CallerAuthenticationHandler.SchemeName),
            StringComparer.Ordinal);
        _certificates = settings.ClientCertificates.ToFrozenDictionary(
            c => KeyHash.NormalizeHex(c.Thumbprint)!,
            c => Caller.Create(c.Name, KeyHash.NormalizeHex(c.Thumbprint)!, c.Scopes, CallerAuthenticationHandler.SchemeName),
            StringComparer.Ordinal);
        _keysBySpan = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        _certificatesBySpan = _certificates.GetAlternateLookup<ReadOnlySpan<char>>();
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

    /// <summary>The caller a signed-in cookie names by hash, if settings still hold it.</summary>
    public Caller? FindByHash(string hex) =>
        _keys.GetValueOrDefault(hex) ?? _certificates.GetValueOrDefault(hex);

    private static Caller? Find(FrozenDictionary<string, Caller>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<byte> hash)
    {
        Span<char> hex = stackalloc char[SHA256.HashSizeInBytes * 2];
        Convert.TryToHexStringLower(hash, hex, out _);
        return lookup.TryGetValue(hex, out var caller) && CryptographicOperations.FixedTimeEquals(caller.Hash, hash) ? caller : null;
    }
}
