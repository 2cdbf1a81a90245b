namespace Scrubber.Audit.Retention;

/// <summary>What a purge removed: scrubs (with their lines, edits, submissions and resolutions), remittance claims with
/// their lines and adjustments, and how many weekly aggregate rows now stand for the denials among them.</summary>
public sealed record PurgeResult(long Scrubs, long RemittanceClaims, long RemittanceLines, long DeniedLinesAggregated, long AggregateRows);
