using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl keys new</c>: makes an API key, prints it once with the settings lines that let the service accept it.</summary>
internal sealed class KeysNewCommand : ICommand
{
    /// <summary>The scopes the service knows, in the order it lists them.</summary>
    private static readonly string[] KnownScopes = ["scrub", "outcomes", "reports", "admin"];

    public string Name => "keys new";

    public string Summary => "Make an API key and print the settings lines (its hash and scopes) that let the service accept it.";

    public string Help =>
        """
        Usage: scrubctl keys new --scope SCOPE[,SCOPE...] [--name NAME]

        Makes a random API key (scr_ and 32 random bytes, base64url), prints it once, and prints what to add to the
        service's settings: a JSON entry for Security:ApiKeys and the same as environment variables. Settings hold
        only the key's SHA-256. Needs no service. Give the key to its caller as SCRUBBER_API_KEY or as the gRPC
        metadata 'authorization: Bearer <key>'.

          --scope S        what the key may call: scrub (ClaimScrubber), outcomes (Outcomes), reports (Feedback and
                           the dashboard), admin (Admin and reflection); comma-separated
          --name NAME      who holds the key, shown in the service's settings (default client)
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["scope", "name"];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public async Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var scopes = (args.Option("scope") ?? throw new UsageException("--scope is required."))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (scopes.Count == 0)
        {
            throw new UsageException("--scope needs at least one scope.");
        }

        if (scopes.FirstOrDefault(s => !KnownScopes.Contains(s, StringComparer.Ordinal)) is { } unknown)
        {
            throw new UsageException($"'{unknown}' is not a scope ({string.Join(", ", KnownScopes)}).");
        }

        var name = args.Option("name") ?? "client";
        var key = "scr_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var quoted = string.Join(", ", scopes.Select(s => $"\"{s}\""));
        var environment = string.Join('\n', scopes.Select((s, i) => $"  Security__ApiKeys__0__Scopes__{i}={s}"));
        await console.Out.WriteLineAsync(
            $$"""
            API key for {{name}} (shown once; keep it in the caller's secret store):

              {{key}}

            Add it to the service's settings under Security:ApiKeys (appsettings.json):

              { "Name": "{{name}}", "Hash": "{{hash}}", "Scopes": [ {{quoted}} ] }

            or as environment variables (use the next free index in place of 0 when other keys are configured):

              Security__ApiKeys__0__Name={{name}}
              Security__ApiKeys__0__Hash={{hash}}
            {{environment}}
            """).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
