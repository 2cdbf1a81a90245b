using System.CommandLine;
using Scrubber.Core.Ncci;

namespace Scrubber.Cli;

/// <summary>The <c>--table practitioner|outpatient-hospital</c> option of the <c>ncci</c> commands.</summary>
internal static class TableOption
{
    public static Option<string> Create() => CliOptions.OneOf(new Option<string>("--table")
    {
        Description = "practitioner (ccipra files) or outpatient-hospital (ccioph files)",
        HelpName = "T",
        DefaultValueFactory = _ => "practitioner",
    }, "practitioner", "outpatient-hospital");

    public static NcciTableKind Kind(string value) =>
        value == "outpatient-hospital" ? NcciTableKind.OutpatientHospital : NcciTableKind.Practitioner;
}
