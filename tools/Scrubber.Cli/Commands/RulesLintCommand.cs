using Scrubber.Core.Packs;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules lint</c>: checks packs against the schema, compiles every expression, parses examples.</summary>
internal sealed class RulesLintCommand : ICommand
{
    public string Name => "rules lint";

    public string Summary => "Check rule packs: schema, every expression compiled, examples well formed.";

    public string Help =>
        """
        Usage: scrubctl rules lint <pack folder | packs folder>

        Checks each pack the way the service does before it goes live: pack.json and examples/*.json against the
        JSON Schema in rules/schema, every rule expression compiled with RulesEngine (and refused if it reaches
        beyond the rule vocabulary), every example claim valid. Does not run the examples: see 'rules test'.

        Exit code 1 when any pack has an error; each error names the file, the rule and what is wrong.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = [];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("Give one pack folder or packs folder.");
        }

        var failed = 0;
        foreach (var folder in PackFolders.Find(args.Positionals[0]))
        {
            var result = PackLoader.Load(folder);
            if (result.Pack is { } pack)
            {
                console.Out.WriteLine($"ok    {pack.Source}: {pack.RuleNames.Length} rules, {pack.Examples.Length} examples, payers {string.Join(", ", pack.Payers)}");
                continue;
            }

            failed++;
            console.Out.WriteLine($"error {Path.GetFileName(folder)}:");
            foreach (var error in result.Errors)
            {
                console.Out.WriteLine($"  {error}");
            }
        }

        return Task.FromResult(failed == 0 ? ExitCodes.Ok : ExitCodes.Problems);
    }
}
