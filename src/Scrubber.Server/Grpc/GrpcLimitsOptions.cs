using System.ComponentModel.DataAnnotations;

namespace Scrubber.Server.Grpc;

/// <summary>Transport limits of the gRPC endpoint; the <c>Grpc</c> section of the settings.</summary>
public sealed class GrpcLimitsOptions
{
    public const string Section = "Grpc";

    /// <summary>The largest request message accepted, in bytes; a bigger one gets RESOURCE_EXHAUSTED before it is
    /// read. Default 8 MiB: a 50-line claim is a few KiB, and an 835 up to <c>Outcomes:MaxRemittanceBytes</c> must fit.</summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int MaxReceiveMessageSizeBytes { get; set; } = 8 * 1024 * 1024;
}
