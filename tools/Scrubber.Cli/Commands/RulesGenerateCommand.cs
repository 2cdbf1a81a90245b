using Scrubber.Generators;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules generate</c>: writes a payer pack of N rules with an example per rule, for benchmarks and
/// load runs of the pack engine at size.</summary>
internal sealed class RulesGenerateCommand : ICommand
{
    public string Name => "rules generate";

    public string Summary => "Write a synthetic payer pack of N rules (each with an example that fires it), for load runs.";

    public string Help =>
        """
        Usage: scrubctl rules generate --out <packs folder>/<pack-id> --pairs <active-pairs.tsv> [--rules N] [--payer ID]

        Writes pack.json and one example per rule. Rules cycle through the shapes real packs use (a pair bundle
        unless XE/XS/XU/59, a units cap, a diagnosis not covered, a pair that needs 25 on the other line), each on
        its own codes taken from --pairs (the file 'ncci generate' writes beside its tables), so claims built from
        the same pairs trigger them. The folder name is the pack id; put it under the service's packs folder.

          --out F          the pack folder to write (created)
          --pairs F        tab-separated code pairs, one a line
          --rules N        how many rules (default 100)
          --payer ID       the payer the pack scrubs (default BENCH01)
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["out", "pairs", "rules", "payer"];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var folder = args.Option("out") ?? throw new UsageException("Give the pack folder to write with --out.");
        var pairsFile = args.Option("pairs") ?? throw new UsageException("Give the code pairs with --pairs (ncci generate writes active-pairs.tsv).");
        var rules = args.PositiveInt("rules", 100);
        IReadOnlyList<(string, string)> pairs;
        try
        {
            pairs = PackGenerator.PairsWithOwnCodes(File.ReadLines(pairsFile).Select(l => l.Split('\t')).Where(c => c.Length == 2).Select(c => (c[0], c[1])));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"Cannot read '{pairsFile}': {ex.Message}");
            return Task.FromResult(ExitCodes.Unavailable);
        }

        if (pairs.Count < rules)
        {
            throw new UsageException($"'{pairsFile}' has {pairs.Count} pairs with codes of their own; --rules {rules} needs as many.");
        }

        PackGenerator.Write(Path.GetFullPath(folder), args.Option("payer") ?? "BENCH01", pairs, rules);
        console.Out.WriteLine($"wrote {Path.Combine(folder, "pack.json")} with {rules} rules and {rules} examples");
        return Task.FromResult(ExitCodes.Ok);
    }
}
