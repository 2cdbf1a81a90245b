using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Scrubber.Cli;

/// <summary>System.CommandLine's help, followed by each command's notes (what it prints, its exit codes).</summary>
internal sealed class CliHelp : SynchronousCommandLineAction
{
    // Fixed, so help reads the same in a terminal, a pipe and a test, and wide enough for most descriptions on one line.
    private const int Width = 120;

    private readonly HelpAction _help = new() { MaxWidth = Width };

    public override bool ClearsParseErrors => true;

    public static void Install(RootCommand root) => root.Options.OfType<HelpOption>().Single().Action = new CliHelp();

    /// <summary>Writes help for the command <paramref name="parse"/> ended on, as <c>--help</c> does.</summary>
    public static int Show(ParseResult parse) =>
        parse.RootCommandResult.Command.Options.OfType<HelpOption>().Single().Action is SynchronousCommandLineAction help ? help.Invoke(parse) : ExitCodes.Ok;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var code = _help.Invoke(parseResult);
        if (parseResult.CommandResult.Command is CliCommand { Notes.Length: > 0 } command)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(command.Notes.TrimEnd());
            output.WriteLine();
        }

        return code;
    }
}
