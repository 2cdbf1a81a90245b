namespace Scrubber.Server.Ncci;

/// <summary>Where the NCCI PTP tables come from; the <c>Ncci</c> section of the settings.</summary>
/// <remarks>
/// Each entry is a CMS zip, a <c>.TXT</c> part, or a folder of them; relative paths resolve against the content root
/// (the server project folder under <c>dotnet run</c>). Files of several releases may be listed together: each
/// release is indexed on its own and edits the dates of service of its quarter.
/// </remarks>
public sealed class NcciOptions
{
    public const string Section = "Ncci";

    /// <summary>Practitioner table (ccipra) files, folders or zips. Default: the bundled sample under <c>rules/ncci/practitioner</c>.</summary>
    public List<string> Practitioner { get; } = [];

    /// <summary>Outpatient hospital table (ccioph) files, folders or zips. Default: the bundled sample under <c>rules/ncci/outpatient-hospital</c>.</summary>
    public List<string> OutpatientHospital { get; } = [];
}
