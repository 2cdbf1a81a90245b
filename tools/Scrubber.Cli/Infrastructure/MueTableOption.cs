using System.CommandLine;
using Scrubber.Core.Mue;

namespace Scrubber.Cli;

/// <summary>The <c>--table practitioner|outpatient-hospital|dme</c> option of the <c>mue</c> commands.</summary>
internal static class MueTableOption
{
    public static Option<string> Create() => CliOptions.OneOf(new Option<string>("--table")
    {
        Description = "practitioner, outpatient-hospital or dme (the MUE file of practitioner, outpatient hospital or DME supplier services)",
        HelpName = "T",
        DefaultValueFactory = _ => "practitioner",
    }, "practitioner", "outpatient-hospital", "dme");

    public static MueTableKind Kind(string value) => value switch
    {
        "outpatient-hospital" => MueTableKind.OutpatientHospital,
        "dme" => MueTableKind.Dme,
        _ => MueTableKind.Practitioner,
    };
}
