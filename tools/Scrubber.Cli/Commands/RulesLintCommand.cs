using System.CommandLine;
using System.Globalization;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules lint</c>: checks packs against the schema, compiles every expression, parses examples.</summary>
internal sealed class RulesLintCommand : CliCommand
{
    private readonly Argument<string> _packs = new("packs") { Description = "a pack folder (with pack.json) or a folder of packs" };
    private readonly LocalTables _tables = new();

    public RulesLintCommand(CliConsole console)
        : base("lint", "Check rule packs: schema, every expression compiled, examples well formed.", console,
            """
            Checks each pack the way the service does before it goes live: pack.json and examples/*.json against the
            JSON Schema in rules/schema, every rule expression checked on the tree RulesEngine's parser builds (and
            refused if it reaches beyond the rule vocabulary) and compiled, the pack's computed cost for a 50-line claim
            against the default Packs:MaxEvaluationCost, every example claim valid. Does not run the examples: see
            'rules test'.

            Warns (without failing) when an example's claim hits NCCI rows of the loaded tables that its 'assumes'
            list does not declare: a new quarter that changes those rows would change the example's result. Warns
            too when a rule suggests 25, 57, 24 or 27 on a line whose codes never take it: the suggestion is dropped
            on every claim.

            Exit code 1 when any pack has an error; each error names the file, the rule and what is wrong.
            """)
    {
        Arguments.Add(_packs);
        _tables.AddTo(this);
    }

    protected override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var failed = 0;
        var folders = PackFolders.Find(parse.GetRequiredValue(_packs));
        var ncci = _tables.Load(parse, folders[0], Console);
        foreach (var folder in folders)
        {
            var result = PackLoader.Load(folder);
            if (result.Pack is { } pack)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ok    {pack.Source}: {pack.RuleNames.Length} rules, {pack.Examples.Length} examples, payers {string.Join(", ", pack.Payers)}, " +
                    $"cost {pack.EvaluationCost:N0} of {PackLimits.Default.MaxEvaluationCost:N0}"));
                foreach (var warning in pack.Warnings)
                {
                    Console.Out.WriteLine($"  warning {warning}");
                }

                foreach (var (example, pairs) in PackExampleRunner.UndeclaredRows(pack, new ClaimScrubber(new ScrubOptions()), ncci))
                {
                    Console.Out.WriteLine($"  warning {example.File}: relies on NCCI rows it does not declare in 'assumes': {string.Join(", ", pairs)}");
                }

                continue;
            }

            failed++;
            Console.Out.WriteLine($"error {Path.GetFileName(folder)}:");
            foreach (var error in result.Errors)
            {
                Console.Out.WriteLine($"  {error}");
            }
        }

        return Task.FromResult(failed == 0 ? ExitCodes.Ok : ExitCodes.Problems);
    }
}
