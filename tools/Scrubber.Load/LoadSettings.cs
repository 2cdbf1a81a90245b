using System.Globalization;

namespace Scrubber.Load;

/// <summary>The options of a load run (see the usage text in Program.cs).</summary>
/// <param name="Server">The gRPC address.</param>
/// <param name="Mode"><c>unary</c>, <c>stream</c> or <c>noop</c>.</param>
/// <param name="Concurrency">Calls (or streams) in flight at once.</param>
/// <param name="Duration">How long to measure.</param>
/// <param name="Warmup">How long to run before measuring.</param>
/// <param name="Lines">Lines per claim.</param>
/// <param name="Rate">Claims a second to pace at, or null to go as fast as the service answers.</param>
/// <param name="AcksFile">Where to append acknowledged scrub ids (crash test).</param>
/// <param name="Seed">The claim generator's seed.</param>
/// <param name="Pairs">A generated table's <c>active-pairs.tsv</c>: claims are built from its codes so they hit its
/// edits.</param>
/// <param name="Payer">The payer to send claims for (its pack runs), e.g. a generated 100-rule pack's.</param>
/// <param name="Ceiling">After measuring, run the no-op RPC at the same concurrency and report the ratio.</param>
/// <param name="Swap">Swap <c>tables</c> (Admin.ReloadTables) or <c>packs</c> (edit <see cref="PackFile"/>, then
/// Admin.ReloadPacks) every <see cref="SwapEvery"/> while measuring, and report latency during swaps.</param>
/// <param name="SwapEvery">Time between swaps.</param>
/// <param name="PackFile">The pack.json a packs swap edits.</param>
/// <param name="ServerPid">The server's process id, to sample its resident memory (Linux /proc).</param>
/// <param name="MemoryEvery">How often to print the server's resident memory while measuring (soak runs).</param>
/// <param name="ApiKey">Sent as <c>authorization: Bearer</c> on every call.</param>
internal sealed record LoadSettings(
    string Server,
    string Mode,
    int Concurrency,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Lines,
    double? Rate,
    string? AcksFile,
    int Seed,
    string? Pairs,
    string? Payer,
    bool Ceiling,
    string? Swap,
    TimeSpan SwapEvery,
    string? PackFile,
    int? ServerPid,
    TimeSpan? MemoryEvery,
    string ApiKey)
{
    /// <summary>The documented development key, accepted by the Development settings on loopback only.</summary>
    public const string DevelopmentApiKey = "scr_dev_loopback_only_not_a_secret";

    /// <summary>The key of <c>--api-key</c>, else <c>SCRUBBER_API_KEY</c>, else the development key.</summary>
    public static string ApiKeyFrom(IReadOnlyDictionary<string, string> options) =>
        options.GetValueOrDefault("api-key") ?? Environment.GetEnvironmentVariable("SCRUBBER_API_KEY") ?? DevelopmentApiKey;

    public static LoadSettings Parse(string[] args)
    {
        var options = OptionArgs.Parse(args, switches: ["ceiling"]);

        string Get(string name, string fallback) => options.GetValueOrDefault(name, fallback);
        double Number(string name, string fallback) => double.Parse(Get(name, fallback), CultureInfo.InvariantCulture);
        var swap = options.GetValueOrDefault("swap");
        if (swap is not (null or "tables" or "packs"))
        {
            throw new ArgumentException($"--swap must be tables or packs, not '{swap}'.");
        }

        if (swap == "packs" && !options.ContainsKey("pack-file"))
        {
            throw new ArgumentException("--swap packs needs --pack-file: the pack.json to edit so that each reload swaps in a new version.");
        }

        return new LoadSettings(
            Get("server", "http://127.0.0.1:5080"),
            Get("mode", "unary"),
            (int)Number("concurrency", "32"),
            TimeSpan.FromSeconds(Number("duration", "10")),
            TimeSpan.FromSeconds(Number("warmup", "2")),
            (int)Number("lines", "6"),
            options.ContainsKey("rate") ? Number("rate", "0") : null,
            options.GetValueOrDefault("acks"),
            (int)Number("seed", "42"),
            options.GetValueOrDefault("pairs"),
            options.GetValueOrDefault("payer"),
            options.ContainsKey("ceiling"),
            swap,
            TimeSpan.FromSeconds(Number("swap-every", "10")),
            options.GetValueOrDefault("pack-file"),
            options.ContainsKey("server-pid") ? (int)Number("server-pid", "0") : null,
            options.ContainsKey("memory-every") ? TimeSpan.FromSeconds(Number("memory-every", "60")) : null,
            ApiKeyFrom(options));
    }
}
