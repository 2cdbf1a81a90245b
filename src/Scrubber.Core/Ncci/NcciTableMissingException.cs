namespace Scrubber.Core.Ncci;

/// <summary>A claim needs an NCCI table that is not configured.</summary>
public sealed class NcciTableMissingException : Exception
{
    public NcciTableMissingException()
    {
    }

    public NcciTableMissingException(string message)
        : base(message)
    {
    }

    public NcciTableMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NcciTableMissingException(NcciTableKind kind)
        : base(kind == NcciTableKind.OutpatientHospital
            ? "No outpatient hospital table (Ncci:OutpatientHospital) is configured for this claim."
            : "No practitioner table (Ncci:Practitioner) is configured for this claim.")
    {
        Kind = kind;
    }

    public NcciTableKind Kind { get; }
}
