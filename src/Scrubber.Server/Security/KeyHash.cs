using System.Security.Cryptography;
using System.Text;

namespace Scrubber.Server.Security;

/// <summary>The <c>sha256:&lt;hex&gt;</c> form settings hold for an API key.</summary>
/// <remarks>Keys are 256 random bits, so an unsalted SHA-256 is enough: there is no dictionary to run against it.</remarks>
internal static class KeyHash
{
    public const string Prefix = "sha256:";

    /// <summary>The longest key looked at; anything longer is refused without hashing it.</summary>
    public const int MaxKeyLength = 256;

    /// <summary>The 64 lower-case hex digits of a settings hash, or null when it is not <c>sha256:</c> and 64 hex digits.</summary>
    public static string? HexOf(string setting)
    {
        if (!setting.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return NormalizeHex(setting.AsSpan(Prefix.Length));
    }

    /// <summary>64 hex digits in lower case, colons dropped; null when the text is not that.</summary>
    public static string? NormalizeHex(ReadOnlySpan<char> text)
    {
        var hex = text.Trim().ToString().Replace(":", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigitLower) ? hex : null;
    }

    /// <summary>Writes SHA-256 of the key's UTF-8 bytes; false when the key is empty or too long to be one of ours.</summary>
    public static bool TryCompute(ReadOnlySpan<char> key, Span<byte> hash)
    {
        if (key.IsEmpty || key.Length > MaxKeyLength)
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[MaxKeyLength * 3];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        return SHA256.TryHashData(utf8[..length], hash, out _);
    }

    /// <summary>The settings form of a key's hash.</summary>
    public static string Of(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (!TryCompute(key, hash))
        {
            throw new ArgumentException($"An API key has 1 to {MaxKeyLength} characters.", nameof(key));
        }

        return Prefix + Convert.ToHexStringLower(hash);
    }
}
