namespace Scrubber.Load;

/// <summary>The options of a load run (see <see cref="RunCommand"/>).</summary>
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
    /// <summary>An 835 to ingest every <see cref="IngestEvery"/> while measuring, to see what ingestion costs the scrubs.</summary>
    public string? IngestFile { get; init; }

    /// <summary>Time between ingests of <see cref="IngestFile"/>.</summary>
    public TimeSpan IngestEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The share of scrubs confirmed as sent, so that history grows as it does in a practice.</summary>
    public double ConfirmRatio { get; init; } = 0.8;
}
