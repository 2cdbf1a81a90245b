namespace Scrubber.Server.Outcomes;

/// <summary>An 835 that cannot be read; nothing of it was ingested. The message names the byte offset and segment.</summary>
internal sealed class RemittanceFormatException(string message, Exception innerException) : Exception(message, innerException);
