using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules test</c>: runs every example claim of each pack and reports pass or fail, per example and per rule.</summary>
internal sealed class RulesTestCommand : ICommand
{
    public string Name => "rules test";

    public string Summary => "Run every example claim of the packs; pass or fail per example and per rule.";

    public string Help =>
        $"""
        Usage: scrubctl rules test <pack folder | packs folder> [--practitioner P] [--outpatient-hospital P]

        Lints each pack, then scrubs each of its example claims (NCCI included, since pack policies act on NCCI
        edits) and compares the pack's edits with the example's expected edits, exactly. A pack goes live only when
        all its examples pass; this is the same check.

        {LocalTables.HelpText}
        Exit code 1 when any pack fails to load or any example fails.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = LocalTables.Options;

    public IReadOnlyCollection<string> Switches { get; } = [];

    public Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("Give one pack folder or packs folder.");
        }

        var folders = PackFolders.Find(args.Positionals[0]);
        var ncci = LocalTables.Load(args, folders[0], console);
        var scrubber = new ClaimScrubber(new ScrubOptions());
        var failed = 0;
        foreach (var folder in folders)
        {
            var result = PackLoader.Load(folder);
            if (result.Pack is not { } pack)
            {
                failed++;
                console.Out.WriteLine($"FAIL  {Path.GetFileName(folder)} does not load:");
                foreach (var error in result.Errors)
                {
                    console.Out.WriteLine($"        {error}");
                }

                continue;
            }

            var outcomes = PackExampleRunner.Run(pack, scrubber, ncci);
            console.Out.WriteLine($"{pack.Source}");
            foreach (var outcome in outcomes)
            {
                console.Out.WriteLine($"  {(outcome.Passed ? "pass" : "FAIL")}  {Path.GetFileName(outcome.Example.File)}: {outcome.Example.Description}");
                if (!outcome.Passed)
                {
                    console.Out.WriteLine($"        {outcome.Explanation}");
                }
            }

            foreach (var rule in pack.RuleNames)
            {
                var involved = outcomes.Where(o => o.Example.Expected.Any(e => e.Rule == rule) || o.PackEdits.Any(e => e.Rule == rule)).ToList();
                var bad = involved.Count(o => !o.Passed);
                console.Out.WriteLine($"  rule {rule}: {(bad == 0 ? "pass" : "FAIL")} ({involved.Count} examples, {bad} failing)");
            }

            failed += outcomes.Count(o => !o.Passed);
        }

        return Task.FromResult(failed == 0 ? ExitCodes.Ok : ExitCodes.Problems);
    }
}
