namespace Scrubber.Server.Scrubbing;

/// <summary>A claim could not be scrubbed for a reason of the service, not of the claim; the gRPC layer maps the reason to a status.</summary>
internal sealed class ScrubUnavailableException(ScrubUnavailableException.Reason why, string message) : Exception(message)
{
    /// <summary>Why the scrub could not be done.</summary>
    public enum Reason
    {
        /// <summary>The NCCI tables are still loading.</summary>
        Loading,

        /// <summary>The claim needs a table that is not configured.</summary>
        TableMissing,

        /// <summary>The scrub could not be recorded in the audit store.</summary>
        NotRecorded,
    }

    public Reason Why { get; } = why;
}
