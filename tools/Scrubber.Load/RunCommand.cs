using System.CommandLine;
using Scrubber.Client;

namespace Scrubber.Load;

/// <summary><c>scrubber-load run</c>: drives the service with generated claims and reports throughput and latency.</summary>
internal sealed class RunCommand : Command
{
    private readonly Option<string?> _server = LoadOptions.Server();
    private readonly Option<string?> _apiKey = LoadOptions.ApiKey();
    private readonly Option<string?> _mode = LoadOptions.OneOf("--mode", "unary (one ScrubClaim a call), stream (ScrubClaims, 50 a stream) or noop (Admin.Ping: the transport's ceiling)", "unary", "unary", "stream", "noop");
    private readonly Option<int> _concurrency = LoadOptions.Count("--concurrency", "calls (or streams) in flight at once", 32);
    private readonly Option<double> _duration = LoadOptions.Positive("--duration", "how long to measure", 10);
    private readonly Option<double> _warmup = LoadOptions.Positive("--warmup", "how long to run before measuring (0: none)", 2, zeroAllowed: true);
    private readonly Option<int> _lines = LoadOptions.Count("--lines", "lines per claim", 6);
    private readonly Option<double?> _rate = LoadOptions.OptionalPositive("--rate", "pace at this many claims a second (default: as fast as the service answers)", "CLAIMS_PER_SECOND");
    private readonly Option<string?> _acks = new("--acks") { Description = "append each acknowledged scrub id to FILE as soon as its answer arrives (crash test)", HelpName = "FILE" };
    private readonly Option<int> _seed = LoadOptions.Count("--seed", "the claim generator's seed", 42);
    private readonly Option<string?> _pairs = new("--pairs") { Description = "build claims from a generated table's active pairs (scrubctl ncci generate writes active-pairs.tsv), so they hit its edits", HelpName = "FILE" };
    private readonly Option<string?> _payer = new("--payer") { Description = "send the claims for this payer (its pack runs)", HelpName = "ID" };
    private readonly Option<bool> _ceiling = new("--ceiling") { Description = "then run the no-op RPC at the same concurrency and print the ratio" };
    private readonly Option<string?> _swap = LoadOptions.OneOf("--swap", "reload tables (Admin.ReloadTables) or packs (edit --pack-file, then Admin.ReloadPacks) while measuring, and print p99 during swaps against steady state", null, "tables", "packs");
    private readonly Option<double> _swapEvery = LoadOptions.Positive("--swap-every", "time between swaps", 10);
    private readonly Option<string?> _packFile = new("--pack-file") { Description = "the pack.json a packs swap edits, so each reload swaps in a new version", HelpName = "FILE" };
    private readonly Option<int?> _serverPid = new("--server-pid") { Description = "the server's process id: print its resident memory before and after, and its CPU beside the client's (Linux /proc)", HelpName = "PID" };
    private readonly Option<string?> _ingest = new("--ingest") { Description = "ingest this 835 every --ingest-every seconds while measuring, and print the ingest times and the scrubs' rate and latency during ingests against steady state", HelpName = "FILE" };
    private readonly Option<double> _ingestEvery = LoadOptions.Positive("--ingest-every", "time between ingests", 10);
    private readonly Option<double> _confirmRatio = LoadOptions.Positive("--confirm-ratio", "the share of scrubs confirmed as sent (Outcomes.ConfirmSubmission, not timed), as a PM system confirms the claims it sends; 0 to 1", 0.8, zeroAllowed: true);
    private readonly Option<double?> _memoryEvery = LoadOptions.OptionalPositive("--memory-every", "print the server's resident memory this often while measuring (soak runs; needs --server-pid)", "SECONDS");

    public RunCommand()
        : base("run", "Drive the service with generated claims; print claims/s, p50/p95/p99/max latency and errors.")
    {
        Option[] options = [_server, _apiKey, _mode, _concurrency, _duration, _warmup, _lines, _rate, _acks, _seed, _pairs, _payer, _ceiling, _swap, _swapEvery, _packFile, _serverPid, _memoryEvery, _ingest, _ingestEvery, _confirmRatio];
        foreach (var option in options)
        {
            Options.Add(option);
        }

        Validators.Add(result =>
        {
            if (result.GetValue(_confirmRatio) > 1)
            {
                result.AddError("--confirm-ratio is a share of the scrubs: from 0 to 1.");
            }

            if (result.GetValue(_swap) == "packs" && result.GetValue(_packFile) is null)
            {
                result.AddError("--swap packs needs --pack-file: the pack.json to edit so that each reload swaps in a new version.");
            }
        });
        SetAction((parse, _) => LoadRun.RunAsync(Settings(parse)));
    }

    private LoadSettings Settings(ParseResult parse) => new(
        ScrubberDefaults.ResolveAddress(parse.GetValue(_server)),
        parse.GetRequiredValue(_mode)!,
        parse.GetValue(_concurrency),
        TimeSpan.FromSeconds(parse.GetValue(_duration)),
        TimeSpan.FromSeconds(parse.GetValue(_warmup)),
        parse.GetValue(_lines),
        parse.GetValue(_rate),
        parse.GetValue(_acks),
        parse.GetValue(_seed),
        parse.GetValue(_pairs),
        parse.GetValue(_payer),
        parse.GetValue(_ceiling),
        parse.GetValue(_swap),
        TimeSpan.FromSeconds(parse.GetValue(_swapEvery)),
        parse.GetValue(_packFile),
        parse.GetValue(_serverPid),
        parse.GetValue(_memoryEvery) is { } every ? TimeSpan.FromSeconds(every) : null,
        ScrubberDefaults.ResolveApiKey(parse.GetValue(_apiKey)))
    {
        IngestFile = parse.GetValue(_ingest),
        IngestEvery = TimeSpan.FromSeconds(parse.GetValue(_ingestEvery)),
        ConfirmRatio = parse.GetValue(_confirmRatio),
    };
}
