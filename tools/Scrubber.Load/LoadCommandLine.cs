using System.CommandLine;
using System.CommandLine.Invocation;

namespace Scrubber.Load;

/// <summary>scrubber-load's modes and options; a command line it cannot read exits 2 naming what is wrong.</summary>
internal static class LoadCommandLine
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("scrubber-load: drives a running Scrubber service on loopback and measures it.")
        {
            new RunCommand(),
            new MixCommand(),
            new FuzzCommand(),
            new RemittanceFuzzCommand(),
            new VerifyCommand(),
            new WaitCommand(),
            new H2LoadBodyCommand(),
        };

        // Help names the tool as scripts call it, also when it runs inside another host (dotnet, tests).
        root.HelpName = "scrubber-load";
        return root;
    }

    /// <summary>Runs the command line; parse errors and help go to <paramref name="output"/> and <paramref name="error"/>,
    /// a mode's own report to the process console.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        var parse = CreateRoot().Parse(args);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parse.Action is not ParseErrorAction errors)
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }

        // System.CommandLine exits 1 on a parse error, which the modes use for "measured a failure"; 2 is a wrong command line.
        // Typo suggestions go to standard output by default; all of a parse error goes to standard error.
        errors.ShowHelp = false;
        await parse.InvokeAsync(new InvocationConfiguration { Output = error, Error = error }, cancellationToken).ConfigureAwait(false);
        var command = parse.CommandResult.Command is RootCommand ? "scrubber-load" : $"scrubber-load {parse.CommandResult.Command.Name}";
        await error.WriteLineAsync($"Run '{command} --help' for its options.").ConfigureAwait(false);
        return 2;
    }
}
