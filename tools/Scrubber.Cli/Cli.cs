using Scrubber.Cli.Commands;

namespace Scrubber.Cli;

/// <summary>Finds the command named by the first words of the command line and runs it.</summary>
public static class Cli
{
    /// <summary>Every command, in the order <c>scrubctl --help</c> lists them.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } =
    [
        new ScrubCommand(),
        new StatusCommand(),
        new NcciCheckCommand(),
        new NcciCompileCommand(),
        new NcciGenerateCommand(),
        new NcciReloadCommand(),
        new RulesLintCommand(),
        new RulesTestCommand(),
        new RulesExplainCommand(),
        new RulesReloadCommand(),
        new RulesProposeCommand(),
        new RulesGenerateCommand(),
        new RemitInspectCommand(),
        new RemitIngestCommand(),
        new ReportCommand(),
        new DemoSeedCommand(),
        new KeysNewCommand(),
    ];

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var command = Commands
            .Where(c => Matches(c, args))
            .MaxBy(c => c.Name.Length);
        if (command is null)
        {
            var asked = args.Length == 0 || args[0] is "-h" or "--help" or "help";
            await (asked ? console.Out : console.Error).WriteLineAsync(Overview(args)).ConfigureAwait(false);
            return asked ? ExitCodes.Ok : ExitCodes.Usage;
        }

        var rest = args.Skip(command.Name.Split(' ').Length).ToArray();
        try
        {
            var parsed = CommandArgs.Parse(rest, command.ValueOptions, command.Switches);
            if (parsed.Help)
            {
                await console.Out.WriteLineAsync(command.Help).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            return await command.RunAsync(parsed, console, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await console.Error.WriteLineAsync($"scrubctl {command.Name}: {ex.Message}\n\n{command.Help}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }

    private static bool Matches(ICommand command, string[] args)
    {
        var words = command.Name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => w == args[i]).All(m => m);
    }

    private static string Overview(string[] args)
    {
        var unknown = args.Length == 0 || args[0] is "-h" or "--help" or "help"
            ? string.Empty
            : $"Unknown command: {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}\n\n";
        var width = Commands.Max(c => c.Name.Length) + 2;
        var lines = Commands.Select(c => $"  {c.Name.PadRight(width)}{c.Summary}");
        return $"{unknown}scrubctl: operate and author for the Scrubber claim scrubber.\n\nCommands:\n{string.Join('\n', lines)}\n\n" +
               "Run 'scrubctl <command> --help' for a command's options.\n" +
               "Exit codes: 0 ok, 1 problems found, 2 wrong command line, 3 file or service unavailable.";
    }
}
