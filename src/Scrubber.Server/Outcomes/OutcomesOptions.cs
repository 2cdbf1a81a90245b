using System.ComponentModel.DataAnnotations;

namespace Scrubber.Server.Outcomes;

/// <summary>Remittance ingestion settings; the <c>Outcomes</c> section of the settings.</summary>
public sealed class OutcomesOptions
{
    public const string Section = "Outcomes";

    /// <summary>The largest 835 accepted, in content bytes; a bigger one is INVALID_ARGUMENT naming the limit.
    /// Default 4 MiB, a large payer's weekly file; raise it together with <c>Grpc:MaxReceiveMessageSizeBytes</c>,
    /// which bounds it too. The whole file is held in memory and ingested in one transaction.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxRemittanceBytes { get; set; } = 4 * 1024 * 1024;
}
