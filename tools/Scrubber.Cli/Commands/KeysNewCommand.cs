using System.Buffers.Text;
using System.CommandLine;
using System.Security.Cryptography;
using System.Text;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl keys new</c>: makes an API key, prints it once with the settings lines that let the service accept it.</summary>
internal sealed class KeysNewCommand : CliCommand
{
    /// <summary>The scopes the service knows, in the order it lists them.</summary>
    private static readonly string[] KnownScopes = ["scrub", "outcomes", "reports", "admin"];

    private readonly Option<string> _scopes = new("--scope")
    {
        Description = "what the key may call, comma-separated: scrub (ClaimScrubber), outcomes (Outcomes), reports (Feedback and " +
                      "the dashboard), admin (Admin and reflection)",
        HelpName = "S[,S...]",
        Required = true,
    };

    private readonly Option<string> _name = new("--name")
    {
        Description = "who holds the key, shown in the service's settings",
        HelpName = "NAME",
        DefaultValueFactory = _ => "client",
    };

    public KeysNewCommand(CliConsole console)
        : base("new", "Make an API key and print the settings lines (its hash and scopes) that let the service accept it.", console,
            """
            Makes a random API key (scr_ and 32 random bytes, base64url), prints it once, and prints what to add to the
            service's settings: a JSON entry for Security:ApiKeys and the same as environment variables. Settings hold
            only the key's SHA-256. Needs no service. Give the key to its caller as SCRUBBER_API_KEY or as the gRPC
            metadata 'authorization: Bearer <key>'.
            """)
    {
        Options.Add(_scopes);
        Options.Add(_name);
        _scopes.Validators.Add(result =>
        {
            var scopes = Split(result.GetValueOrDefault<string>());
            if (scopes.Count == 0)
            {
                result.AddError("--scope needs at least one scope.");
            }

            foreach (var unknown in scopes.Where(s => !KnownScopes.Contains(s, StringComparer.Ordinal)))
            {
                result.AddError($"'{unknown}' is not a scope ({string.Join(", ", KnownScopes)}).");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var scopes = Split(parse.GetRequiredValue(_scopes));
        var name = parse.GetRequiredValue(_name);
        var key = "scr_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var quoted = string.Join(", ", scopes.Select(s => $"\"{s}\""));
        var environment = string.Join('\n', scopes.Select((s, i) => $"  Security__ApiKeys__0__Scopes__{i}={s}"));
        await Console.Out.WriteLineAsync(
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

    private static List<string> Split(string? scopes) =>
        [.. (scopes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
