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
        : this(NcciProgram.Medicare, kind)
    {
    }

    public NcciTableMissingException(NcciProgram program, NcciTableKind kind)
        : base($"No {(program == NcciProgram.Medicaid ? "Medicaid " : string.Empty)}{(kind == NcciTableKind.OutpatientHospital ? "outpatient hospital" : "practitioner")} " +
            $"table ({NcciSettingNames.Ptp(program, kind)}) is configured for this claim.")
    {
        Program = program;
        Kind = kind;
    }

    public NcciProgram Program { get; }

    public NcciTableKind Kind { get; }
}
