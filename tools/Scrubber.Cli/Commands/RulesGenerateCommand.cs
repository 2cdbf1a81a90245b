using System.CommandLine;
using Scrubber.Generators;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules generate</c>: writes a payer pack of N rules with an example per rule, for benchmarks and
/// load runs of the pack engine at size.</summary>
internal sealed class RulesGenerateCommand : CliCommand
{
    private readonly Option<string> _out = new("--out") { Description = "the pack folder to write (created); its name is the pack id", HelpName = "F", Required = true };
    private readonly Option<string?> _pairs = new("--pairs") { Description = "tab-separated code pairs, one a line (ncci generate writes active-pairs.tsv); not with --costly", HelpName = "F" };
    private readonly Option<bool> _costly = new("--costly") { Description = "write rules that run on every line and walk a long modifier list (see --list-items), for runs of the evaluation budget" };
    private readonly Option<int> _listItems = CliOptions.PositiveInt("--list-items", "with --costly: the modifiers each rule's list holds", 100);
    private readonly Option<int> _rules = CliOptions.PositiveInt("--rules", "how many rules", 100);
    private readonly Option<string> _payer = new("--payer") { Description = "the payer the pack scrubs", HelpName = "ID", DefaultValueFactory = _ => "BENCH01" };

    public RulesGenerateCommand(CliConsole console)
        : base("generate", "Write a synthetic payer pack of N rules (each with an example that fires it), for load runs.", console,
            """
            Writes pack.json and one example per rule. Rules cycle through the shapes real packs use (a pair bundle
            unless XE/XS/XU/59, a units cap, a diagnosis not covered, a pair that needs 25 on the other line), each on
            its own codes taken from --pairs, so claims built from the same pairs trigger them. Put the folder under the
            service's packs folder.

            --costly writes instead rules with no codes, each walking a list of --list-items modifiers no generated
            claim carries: every line runs every rule and none fires. Such a pack is over the default
            Packs:MaxEvaluationCost; load it with that raised (and Packs:MaxListItems, above 100 items) to see the
            run-time budget, Packs:MaxEvaluationMilliseconds, bind ('scrubber-load mix').
            """)
    {
        Options.Add(_out);
        Options.Add(_pairs);
        Options.Add(_rules);
        Options.Add(_payer);
        Options.Add(_costly);
        Options.Add(_listItems);
        Validators.Add(result =>
        {
            if (result.GetValue(_costly) == (result.GetValue(_pairs) is not null))
            {
                result.AddError("Give either --pairs (rules on code pairs) or --costly, not both and not neither.");
            }
        });
    }

    protected override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var folder = parse.GetRequiredValue(_out);
        var rules = parse.GetValue(_rules);
        if (parse.GetValue(_costly))
        {
            PackGenerator.WriteCostly(Path.GetFullPath(folder), parse.GetRequiredValue(_payer), rules, parse.GetValue(_listItems));
            Console.Out.WriteLine($"wrote {Path.Combine(folder, "pack.json")} with {rules} costly rules and one example");
            return Task.FromResult(ExitCodes.Ok);
        }

        var pairsFile = parse.GetRequiredValue(_pairs)!;
        IReadOnlyList<(string, string)> pairs;
        try
        {
            pairs = PackGenerator.PairsWithOwnCodes(File.ReadLines(pairsFile).Select(l => l.Split('\t')).Where(c => c.Length == 2).Select(c => (c[0], c[1])));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot read '{pairsFile}': {ex.Message}");
            return Task.FromResult(ExitCodes.Unavailable);
        }

        if (pairs.Count < rules)
        {
            throw new UsageException($"'{pairsFile}' has {pairs.Count} pairs with codes of their own; --rules {rules} needs as many.");
        }

        PackGenerator.Write(Path.GetFullPath(folder), parse.GetRequiredValue(_payer), pairs, rules);
        Console.Out.WriteLine($"wrote {Path.Combine(folder, "pack.json")} with {rules} rules and {rules} examples");
        return Task.FromResult(ExitCodes.Ok);
    }
}
