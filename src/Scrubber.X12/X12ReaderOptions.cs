namespace Scrubber.X12;

/// <summary>How strictly <see cref="X12Reader"/> checks the envelope.</summary>
public sealed record X12ReaderOptions
{
    /// <summary>Strict: every check on.</summary>
    public static X12ReaderOptions Default { get; } = new();

    /// <summary>
    /// Whether SE01 must equal the number of segments from ST to SE. Default true: a wrong count is how a spliced or
    /// cut file shows itself. Some hand-written public samples carry a stale count; turn this off only to read those.
    /// </summary>
    public bool VerifySegmentCounts { get; init; } = true;
}
