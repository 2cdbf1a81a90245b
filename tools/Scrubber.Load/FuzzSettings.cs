namespace Scrubber.Load;

/// <summary>The options of a fuzz run.</summary>
/// <param name="Server">The service's gRPC address (<c>--server</c>, else <c>$SCRUBBER_SERVER</c>).</param>
/// <param name="Count">How many cases to send.</param>
/// <param name="Seed">The mutator's seed: the same seed sends the same cases.</param>
/// <param name="Concurrency">Chunks in flight at once.</param>
/// <param name="ApiKey">Sent as <c>authorization: Bearer</c> on every call (<c>--api-key</c>, else <c>$SCRUBBER_API_KEY</c>,
/// else the development key).</param>
internal sealed record FuzzSettings(string Server, int Count, int Seed, int Concurrency, string ApiKey)
{
    /// <summary>Cases go out in chunks of this many: alternately one unary call each, or one ScrubClaims stream.</summary>
    public const int Chunk = 50;
}
