using System.ComponentModel.DataAnnotations;

namespace Scrubber.Server.Outcomes;

/// <summary>Remittance ingestion settings; the <c>Outcomes</c> section of the settings.</summary>
public sealed class OutcomesOptions
{
    public const string Section = "Outcomes";

    /// <summary>The largest 835 accepted, in content bytes; a bigger one is INVALID_ARGUMENT naming the limit.
    /// Default 4 MiB, a large payer's weekly file; raise it together with <c>Grpc:MaxReceiveMessageSizeBytes</c>,
    /// which bounds it too. The whole file is held in memory while it is parsed and staged in bounded chunks, then
    /// published in one short transaction, so it stays all or nothing without stalling scrubs.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxRemittanceBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The most unmatched claims, and lines, an ingest answer lists. Default 200; every one is stored, counted
    /// in the answer, and listed by <c>Outcomes.ListUnmatched</c>, so a file of unknown claims never makes an answer
    /// too large to receive.</summary>
    [Range(0, 100_000)]
    public int MaxUnmatchedListed { get; set; } = 200;

    /// <summary>The most units a remittance quantity may carry (SVC05 units paid, CAS adjusted quantities), in absolute
    /// value. Default 99,999, the bound claims are held to; a file with more is refused naming the element.</summary>
    [Range(1, 1_000_000_000)]
    public decimal MaxUnits { get; set; } = 99_999m;
}
