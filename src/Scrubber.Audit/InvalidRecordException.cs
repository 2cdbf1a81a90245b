namespace Scrubber.Audit;

/// <summary>A value cannot be stored as given (an amount beyond what the store takes, …); the message names the field.
/// Nothing of the write that met it was stored.</summary>
public sealed class InvalidRecordException : Exception
{
    public InvalidRecordException()
    {
    }

    public InvalidRecordException(string message)
        : base(message)
    {
    }

    public InvalidRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidRecordException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The field whose value cannot be stored (CLP03, claim.lines[0].charge, amount, …); empty when unknown.</summary>
    public string Field { get; } = string.Empty;
}
