using System.CommandLine;
using Scrubber.Client;

namespace Scrubber.Load;

/// <summary><c>scrubber-load fuzz-835</c>: sends mutated 835s and checks each is ingested or refused naming where, that a
/// scrub is answered after each, and that refusals changed nothing in the store.</summary>
internal sealed class RemittanceFuzzCommand : Command
{
    private readonly Option<string?> _server = LoadOptions.Server();
    private readonly Option<string?> _apiKey = LoadOptions.ApiKey();
    private readonly Option<int> _count = LoadOptions.Count("--count", "how many mutated 835s to send", 100_000);
    private readonly Option<int> _seed = LoadOptions.Count("--seed", "the mutator's seed: the same seed and corpus send the same files", 42);
    private readonly Option<int> _concurrency = LoadOptions.Count("--concurrency", "files in flight at once", 8);
    private readonly Option<string?> _corpus = new("--corpus")
    {
        Description = "a folder of well-formed 835s to mutate, besides generated ones (default tests/fixtures/x12/835 above the current folder)",
        HelpName = "FOLDER",
    };

    public RemittanceFuzzCommand()
        : base("fuzz-835", "Send mutated 835s, each followed by a scrub; exit 1 if any is neither ingested nor refused with INVALID_ARGUMENT " +
                           "naming where, a scrub goes unanswered, or the store's counts moved by more than the ingested files say.")
    {
        Options.Add(_server);
        Options.Add(_apiKey);
        Options.Add(_count);
        Options.Add(_seed);
        Options.Add(_concurrency);
        Options.Add(_corpus);
        SetAction((parse, _) => RemittanceFuzzRun.RunAsync(
            ScrubberDefaults.ResolveAddress(parse.GetValue(_server)),
            ScrubberDefaults.ResolveApiKey(parse.GetValue(_apiKey)),
            parse.GetValue(_count),
            parse.GetValue(_seed),
            parse.GetValue(_concurrency),
            parse.GetValue(_corpus)));
    }
}
