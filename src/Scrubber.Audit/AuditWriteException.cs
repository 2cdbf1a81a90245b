namespace Scrubber.Audit;

/// <summary>The database refused a write (a constraint, a full disk, a lost connection): that write alone failed and
/// nothing of it is stored. The message is the provider's, for the log; callers answer with an error id, not with it.</summary>
public sealed class AuditWriteException : Exception
{
    public AuditWriteException()
    {
    }

    public AuditWriteException(string message)
        : base(message)
    {
    }

    public AuditWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
