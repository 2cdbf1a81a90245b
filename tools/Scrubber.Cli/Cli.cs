using System.CommandLine;
using System.CommandLine.Invocation;
using Scrubber.Cli.Commands;

namespace Scrubber.Cli;

/// <summary>scrubctl's command tree, and the one place that turns what happened into an exit code.</summary>
public static class Cli
{
    /// <summary>Every command, grouped as typed (<c>ncci check</c>), in the order <c>scrubctl --help</c> lists them.</summary>
    public static RootCommand CreateRoot(CliConsole console)
    {
        var root = new RootCommand("scrubctl: operate and author for the Scrubber claim scrubber.")
        {
            new ScrubCommand(console),
            new StatusCommand(console),
            new Command("ncci", "NCCI PTP tables: check and compile CMS files, generate synthetic ones, reload the service's.")
            {
                new NcciCheckCommand(console),
                new NcciCompileCommand(console),
                new NcciGenerateCommand(console),
                new NcciReloadCommand(console),
            },
            new Command("mue", "MUE tables: check CMS files, generate synthetic ones (the service reloads them with 'ncci reload').")
            {
                new MueCheckCommand(console),
                new MueGenerateCommand(console),
            },
            new Command("pfs", "Physician fee schedule RVU files (global periods): check CMS files, generate synthetic ones (the service reloads them with 'ncci reload').")
            {
                new PfsCheckCommand(console),
                new PfsGenerateCommand(console),
            },
            new Command("aoc", "NCCI add-on code (AOC) edit files: generate synthetic ones.")
            {
                new AocGenerateCommand(console),
            },
            new Command("rules", "Payer rule packs: lint, test, explain, reload, propose from denials, generate for benchmarks.")
            {
                new RulesLintCommand(console),
                new RulesTestCommand(console),
                new RulesExplainCommand(console),
                new RulesReloadCommand(console),
                new RulesProposeCommand(console),
                new RulesGenerateCommand(console),
            },
            new Command("remit", "835 remittances: inspect a file, ingest files, list what an ingested file left unmatched.")
            {
                new RemitInspectCommand(console),
                new RemitIngestCommand(console),
                new RemitUnmatchedCommand(console),
            },
            new ReportCommand(console),
            new Command("audit", "The audit store: purge what is older than the practice keeps.") { new AuditPurgeCommand(console) },
            new Command("demo", "Demonstration data.") { new DemoSeedCommand(console) },
            new Command("keys", "API keys: make one, put the service's settings in force.") { new KeysNewCommand(console), new KeysReloadCommand(console) },
        };
        // Help names the tool as its users type it, also when it runs inside another host (dotnet run, tests).
        root.HelpName = "scrubctl";
        CliHelp.Install(root);
        RejectUnknownOptions(root);

        // Bare 'scrubctl' lists the commands, as --help does.
        root.SetAction(CliHelp.Show);
        return root;
    }

    /// <summary>Runs the command line in this process, writing to <paramref name="console"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var parse = CreateRoot(console).Parse(args);
        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        if (parse.Action is ParseErrorAction errors)
        {
            // System.CommandLine exits 1 on a parse error; scrubctl keeps 1 for "problems found" and says 2. Its typo
            // suggestions go to standard output, which a script may be reading for results: all of it goes to errors.
            errors.ShowHelp = false;
            await parse.InvokeAsync(new InvocationConfiguration { Output = console.Error, Error = console.Error }, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"Run '{CommandPath(parse)} --help' for its arguments and options.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await console.Error.WriteLineAsync($"{CommandPath(parse)}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (CommandFailedException ex)
        {
            await console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
    }

    /// <summary>System.CommandLine hands a token it does not know as an option to a positional argument that can take
    /// it (<c>ncci check x --colour red</c> would read a file named --colour); no scrubctl argument starts with a dash,
    /// so such a token is an unknown option, and the error names it.</summary>
    private static void RejectUnknownOptions(Command command)
    {
        foreach (var argument in command.Arguments)
        {
            argument.Validators.Add(result =>
            {
                foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
                {
                    result.AddError($"Unrecognized option '{token.Value}' (a file whose name starts with '-' is written ./{token.Value}).");
                }
            });
        }

        foreach (var subcommand in command.Subcommands)
        {
            RejectUnknownOptions(subcommand);
        }
    }

    private static string CommandPath(ParseResult parse)
    {
        var words = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            words.Insert(0, result.Command is RootCommand ? "scrubctl" : result.Command.Name);
        }

        return string.Join(' ', words);
    }
}
