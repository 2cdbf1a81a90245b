using Microsoft.Extensions.Options;

namespace Scrubber.Server.Security;

/// <summary>Checks at start that every key and certificate is well formed, and that the development key stays on loopback.</summary>
/// <remarks>Messages name the setting and never echo a hash value: an operator who pasted a key where its hash belongs
/// should not find the key in the service's output.</remarks>
internal sealed class SecurityOptionsValidator(IConfiguration configuration) : IValidateOptions<SecurityOptions>
{
    private const string MakeOne = "make a key with 'scrubctl keys new'";

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        if (options.ApiKeys.Count == 0 && options.ClientCertificates.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                $"Security:ApiKeys: no API key or client certificate is configured, so every call would be refused; {MakeOne} and add its hash.");
        }

        var failures = new List<string>();
        if (options.SignIn.MaxAttemptsPerMinute is < 1 or > 1000)
        {
            failures.Add($"Security:SignIn:MaxAttemptsPerMinute: is {options.SignIn.MaxAttemptsPerMinute}; give 1 to 1000 attempts a minute.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var path = $"Security:ApiKeys:{i}";
            CheckName(path, key.Name, names, failures);
            if (KeyHash.HexOf(key.Hash) is not { } hex)
            {
                failures.Add($"{path}:Hash: is not 'sha256:' and 64 hex digits (settings hold the key's hash, never the key; {MakeOne}).");
            }
            else if (!hashes.Add(hex))
            {
                failures.Add($"{path}:Hash: the same key is configured twice.");
            }
            else if (hex == KeyHash.HexOf(DevelopmentKey.Hash) && PublicBinding.Find(configuration) is { } binding)
            {
                failures.Add($"{path}: the development key is configured and {binding.Setting} is {binding.Url}, which is not loopback; {MakeOne} and configure its hash instead.");
            }

            CheckScopes(path, key.Scopes, failures);
        }

        for (var i = 0; i < options.ClientCertificates.Count; i++)
        {
            var certificate = options.ClientCertificates[i];
            var path = $"Security:ClientCertificates:{i}";
            CheckName(path, certificate.Name, names, failures);
            if (KeyHash.NormalizeHex(certificate.Thumbprint) is not { } hex)
            {
                failures.Add($"{path}:Thumbprint: is not a SHA-256 thumbprint (64 hex digits, colons allowed).");
            }
            else if (!hashes.Add(hex))
            {
                failures.Add($"{path}:Thumbprint: the same certificate is configured twice.");
            }

            CheckScopes(path, certificate.Scopes, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckName(string path, string name, HashSet<string> names, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            failures.Add($"{path}:Name: is empty; give each caller a name.");
        }
        else if (!names.Add(name))
        {
            failures.Add($"{path}:Name: '{name}' is used twice.");
        }
    }

    private static void CheckScopes(string path, List<string> scopes, List<string> failures)
    {
        if (scopes.Count == 0)
        {
            failures.Add($"{path}:Scopes: is empty; give at least one of {Scopes.Listed}.");
        }

        for (var i = 0; i < scopes.Count; i++)
        {
            if (!Scopes.All.Contains(scopes[i]))
            {
                failures.Add($"{path}:Scopes:{i}: '{scopes[i]}' is not a scope ({Scopes.Listed}).");
            }
        }
    }
}
