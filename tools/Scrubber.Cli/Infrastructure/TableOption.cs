using Scrubber.Core.Ncci;

namespace Scrubber.Cli;

/// <summary>The <c>--table practitioner|outpatient-hospital</c> option of the <c>ncci</c> commands.</summary>
internal static class TableOption
{
    public const string HelpLine = "  --table T        practitioner (default, ccipra files) or outpatient-hospital (ccioph files)";

    /// <exception cref="UsageException">The value is neither table.</exception>
    public static NcciTableKind Parse(CommandArgs args) => args.Option("table") switch
    {
        null or "practitioner" => NcciTableKind.Practitioner,
        "outpatient-hospital" => NcciTableKind.OutpatientHospital,
        var other => throw new UsageException($"--table must be practitioner or outpatient-hospital, not '{other}'."),
    };
}
