namespace Scrubber.Audit;

/// <summary>The audit store cannot do what was asked; the message names the file or the record.</summary>
public sealed class AuditStoreException : Exception
{
    public AuditStoreException()
    {
    }

    public AuditStoreException(string message)
        : base(message)
    {
    }

    public AuditStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
