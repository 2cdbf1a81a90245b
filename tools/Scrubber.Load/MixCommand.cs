using System.CommandLine;
using Scrubber.Client;

namespace Scrubber.Load;

/// <summary><c>scrubber-load mix</c>: a costly pack's payer beside a cheap payer; reports the cheap payer's latency.</summary>
internal sealed class MixCommand : Command
{
    private readonly Option<string?> _server = LoadOptions.Server();
    private readonly Option<string?> _apiKey = LoadOptions.ApiKey();
    private readonly Option<string> _costlyPayer = new("--costly-payer") { Description = "the payer of the costly pack (scrubctl rules generate --costly)", HelpName = "ID", Required = true };
    private readonly Option<string> _cheapPayer = new("--cheap-payer") { Description = "the payer whose latency is reported", HelpName = "ID", DefaultValueFactory = _ => "ACME01" };
    private readonly Option<int> _costlyConcurrency = LoadOptions.Count("--costly-concurrency", "costly-payer calls in flight at once", 4);
    private readonly Option<int> _cheapConcurrency = LoadOptions.Count("--cheap-concurrency", "cheap-payer calls in flight at once", 4);
    private readonly Option<int> _costlyLines = LoadOptions.Count("--costly-lines", "lines per costly-payer claim", 50);
    private readonly Option<int> _cheapLines = LoadOptions.Count("--cheap-lines", "lines per cheap-payer claim", 6);
    private readonly Option<double> _duration = LoadOptions.Positive("--duration", "how long to measure", 10);
    private readonly Option<double> _warmup = LoadOptions.Positive("--warmup", "how long to run before measuring (0: none)", 2, zeroAllowed: true);
    private readonly Option<int> _seed = LoadOptions.Count("--seed", "the claim generator's seed", 42);
    private readonly Option<int?> _serverPid = new("--server-pid") { Description = "the server's process id: after measuring, send --expire costly calls with a --expire-ms deadline and print the server's CPU seconds while they expire and in the --expire-watch seconds after (Linux /proc)", HelpName = "PID" };
    private readonly Option<int> _expire = LoadOptions.Count("--expire", "costly calls sent with a short deadline (needs --server-pid)", 4);
    private readonly Option<int> _expireMs = LoadOptions.Count("--expire-ms", "the short deadline, in milliseconds", 300);
    private readonly Option<double> _expireWatch = LoadOptions.Positive("--expire-watch", "how long to watch the server's CPU after the deadlines", 5);

    public MixCommand()
        : base("mix", "Run a costly pack's payer beside a cheap payer; print the cheap payer's p50/p95/p99/max, and the costly payer's budget edits.")
    {
        Option[] options = [_server, _apiKey, _costlyPayer, _cheapPayer, _costlyConcurrency, _cheapConcurrency, _costlyLines, _cheapLines, _duration, _warmup, _seed, _serverPid, _expire, _expireMs, _expireWatch];
        foreach (var option in options)
        {
            Options.Add(option);
        }

        SetAction((parse, _) => MixRun.RunAsync(new MixSettings(
            ScrubberDefaults.ResolveAddress(parse.GetValue(_server)),
            ScrubberDefaults.ResolveApiKey(parse.GetValue(_apiKey)),
            new MixSettings.Side(parse.GetRequiredValue(_costlyPayer), parse.GetValue(_costlyConcurrency), parse.GetValue(_costlyLines)),
            new MixSettings.Side(parse.GetRequiredValue(_cheapPayer)!, parse.GetValue(_cheapConcurrency), parse.GetValue(_cheapLines)),
            TimeSpan.FromSeconds(parse.GetValue(_duration)),
            TimeSpan.FromSeconds(parse.GetValue(_warmup)),
            parse.GetValue(_seed),
            parse.GetValue(_serverPid),
            parse.GetValue(_expire),
            TimeSpan.FromMilliseconds(parse.GetValue(_expireMs)),
            TimeSpan.FromSeconds(parse.GetValue(_expireWatch)))));
    }
}

/// <summary>The options of a mix run (see <see cref="MixCommand"/>).</summary>
internal sealed record MixSettings(
    string Server,
    string ApiKey,
    MixSettings.Side Costly,
    MixSettings.Side Cheap,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Seed,
    int? ServerPid,
    int Expire,
    TimeSpan ExpireDeadline,
    TimeSpan ExpireWatch)
{
    /// <summary>One payer's share of the run.</summary>
    internal sealed record Side(string Payer, int Concurrency, int Lines);
}
