namespace Scrubber.Server.Diagnostics;

/// <summary>Every log line the service writes, with stable event ids. Patient identifiers never appear here.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "NCCI file {File}: {Rows} rows read, {Malformed} malformed, in {ElapsedMs:F0} ms")]
    public static partial void NcciFileRead(ILogger logger, string file, long rows, long malformed, double elapsedMs);

    [LoggerMessage(1001, LogLevel.Warning, "NCCI malformed row {File}:{Line}: {Reason}")]
    public static partial void NcciMalformedRow(ILogger logger, string file, long line, string reason);

    [LoggerMessage(1002, LogLevel.Information,
        "NCCI {TableVersion} ready: parts {Parts}, {Rows} rows, {Pairs} pairs, {Malformed} malformed rows skipped, {Overlaps} pairs with overlapping windows, {IndexBytes} index bytes")]
    public static partial void NcciReleaseReady(ILogger logger, string tableVersion, string parts, long rows, long pairs, long malformed, long overlaps, long indexBytes);

    [LoggerMessage(1003, LogLevel.Critical, "NCCI tables could not be loaded; the service stops: {Reason}")]
    public static partial void NcciLoadFailed(ILogger logger, string reason);

    [LoggerMessage(2000, LogLevel.Information, "Claim rejected as invalid: {Violations} field violation(s), first {Field}: {Description}")]
    public static partial void ClaimInvalid(ILogger logger, int violations, string field, string description);

    [LoggerMessage(2001, LogLevel.Error, "Scrub failed for scrub {ScrubId}")]
    public static partial void ScrubFailed(ILogger logger, Exception exception, string scrubId);
}
