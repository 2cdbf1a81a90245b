using System.CommandLine;

namespace Scrubber.Cli;

/// <summary>A scrubctl command: its arguments and options, a one-line summary for command lists, and notes that
/// <c>--help</c> prints after the options (what it prints, its exit codes).</summary>
internal abstract class CliCommand : Command
{
    protected CliCommand(string name, string summary, CliConsole console, string notes = "")
        : base(name, summary)
    {
        Console = console;
        Notes = notes;
        SetAction(RunAsync);
    }

    /// <summary>Printed after the options in <c>--help</c>.</summary>
    public string Notes { get; }

    protected CliConsole Console { get; }

    protected abstract Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken);
}
