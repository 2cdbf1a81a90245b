using System.CommandLine;
using Scrubber.Client;

namespace Scrubber.Load;

/// <summary><c>scrubber-load fuzz</c>: sends mutated claims and checks every answer is a scrub or a named refusal.</summary>
internal sealed class FuzzCommand : Command
{
    private readonly Option<string?> _server = LoadOptions.Server();
    private readonly Option<string?> _apiKey = LoadOptions.ApiKey();
    private readonly Option<int> _count = LoadOptions.Count("--count", "how many mutated claims to send", 100_000);
    private readonly Option<int> _seed = LoadOptions.Count("--seed", "the mutator's seed: the same seed sends the same cases", 42);
    private readonly Option<int> _concurrency = LoadOptions.Count("--concurrency", "chunks of 50 cases in flight at once", 16);

    public FuzzCommand()
        : base("fuzz", "Send mutated claims, half unary, half on streams; exit 1 if any answer is not a scrub or an INVALID_ARGUMENT naming a field, or the service stops SERVING.")
    {
        Options.Add(_server);
        Options.Add(_apiKey);
        Options.Add(_count);
        Options.Add(_seed);
        Options.Add(_concurrency);
        SetAction((parse, _) => FuzzRun.RunAsync(new FuzzSettings(
            ScrubberDefaults.ResolveAddress(parse.GetValue(_server)),
            parse.GetValue(_count),
            parse.GetValue(_seed),
            parse.GetValue(_concurrency),
            ScrubberDefaults.ResolveApiKey(parse.GetValue(_apiKey)))));
    }
}
