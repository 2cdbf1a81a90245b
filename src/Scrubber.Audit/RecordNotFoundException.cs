namespace Scrubber.Audit;

/// <summary>The claim, line or scrub named does not exist in the store; the message says which.</summary>
public sealed class RecordNotFoundException : Exception
{
    public RecordNotFoundException()
    {
    }

    public RecordNotFoundException(string message)
        : base(message)
    {
    }

    public RecordNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
