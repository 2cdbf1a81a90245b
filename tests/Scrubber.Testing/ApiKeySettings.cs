using System.Security.Cryptography;
using System.Text;

namespace Scrubber.Testing;

/// <summary>Server arguments that configure an API key the way an operator does: by its hash, never the key.</summary>
public static class ApiKeySettings
{
    /// <summary>The settings form of a key's hash, computed here independently of the service.</summary>
    public static string HashOf(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary><c>--Security:ApiKeys:{index}:…</c> arguments for <paramref name="key"/> with <paramref name="scopes"/>.</summary>
    public static string[] Args(int index, string name, string key, params string[] scopes) =>
    [
        $"--Security:ApiKeys:{index}:Name={name}",
        $"--Security:ApiKeys:{index}:Hash={HashOf(key)}",
        .. scopes.Select((s, i) => $"--Security:ApiKeys:{index}:Scopes:{i}={s}"),
    ];
}
