using System.CommandLine;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules test</c>: runs every example claim of each pack and reports pass or fail, per example and per rule.</summary>
internal sealed class RulesTestCommand : CliCommand
{
    private readonly Argument<string> _packs = new("packs") { Description = "a pack folder (with pack.json) or a folder of packs" };
    private readonly LocalTables _tables = new();

    public RulesTestCommand(CliConsole console)
        : base("test", "Run every example claim of the packs; pass or fail per example and per rule.", console,
            """
            Lints each pack, then scrubs each of its example claims (NCCI included, since pack policies act on NCCI
            edits) and compares the pack's edits with the example's expected edits, exactly. A pack goes live only when
            all its examples pass; this is the same check.

            Exit code 1 when any pack fails to load or any example fails.
            """)
    {
        Arguments.Add(_packs);
        _tables.AddTo(this);
    }

    protected override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var folders = PackFolders.Find(parse.GetRequiredValue(_packs));
        var ncci = _tables.Load(parse, folders[0], Console);
        var scrubber = new ClaimScrubber(new ScrubOptions());
        var failed = 0;
        foreach (var folder in folders)
        {
            var result = PackLoader.Load(folder);
            if (result.Pack is not { } pack)
            {
                failed++;
                Console.Out.WriteLine($"FAIL  {Path.GetFileName(folder)} does not load:");
                foreach (var error in result.Errors)
                {
                    Console.Out.WriteLine($"        {error}");
                }

                continue;
            }

            var outcomes = PackExampleRunner.Run(pack, scrubber, ncci);
            Console.Out.WriteLine($"{pack.Source}");
            foreach (var outcome in outcomes)
            {
                Console.Out.WriteLine($"  {(outcome.Passed ? "pass" : "FAIL")}  {Path.GetFileName(outcome.Example.File)}: {outcome.Example.Description}");
                if (!outcome.Passed)
                {
                    Console.Out.WriteLine($"        {outcome.Explanation}");
                }
            }

            foreach (var rule in pack.RuleNames)
            {
                var involved = outcomes.Where(o => o.Example.Expected.Any(e => e.Rule == rule) || o.PackEdits.Any(e => e.Rule == rule)).ToList();
                var bad = involved.Count(o => !o.Passed);
                Console.Out.WriteLine($"  rule {rule}: {(bad == 0 ? "pass" : "FAIL")} ({involved.Count} examples, {bad} failing)");
            }

            failed += outcomes.Count(o => !o.Passed);
        }

        return Task.FromResult(failed == 0 ? ExitCodes.Ok : ExitCodes.Problems);
    }
}
