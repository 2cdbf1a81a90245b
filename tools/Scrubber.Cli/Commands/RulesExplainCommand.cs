using System.Text.Json;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules explain</c>: scrubs a claim locally and shows which rules ran, which fired and why.</summary>
internal sealed class RulesExplainCommand : ICommand
{
    public string Name => "rules explain";

    public string Summary => "Scrub a claim locally and show which rules ran on which lines, which fired, and the edits.";

    public string Help =>
        $"""
        Usage: scrubctl rules explain <claim.json> [--packs FOLDER] [--practitioner P] [--outpatient-hospital P]

        Loads the packs (default: rules/packs above the claim file, else ./rules/packs), picks the pack of the
        claim's payerId, and scrubs the claim in this process, tracing every rule run: its inputs (line, other),
        whether its expression was true, and the edit it raised. NCCI edits are shown too.

          --packs FOLDER           the packs folder
        {LocalTables.HelpText}
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["packs", .. LocalTables.Options];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public async Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("Give one claim file.");
        }

        var path = args.Positionals[0];
        Claim? claim;
        try
        {
            claim = ClaimValidator.TryCreate(ClaimJson.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)), ClaimLimits.Default with { MaxLines = 1000 }, out var violations);
            foreach (var violation in violations)
            {
                await console.Error.WriteLineAsync($"{path}: {violation}").ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            await console.Error.WriteLineAsync($"{path}: {ex.Message}").ConfigureAwait(false);
            return ex is JsonException ? ExitCodes.Problems : ExitCodes.Unavailable;
        }

        if (claim is null)
        {
            return ExitCodes.Problems;
        }

        var packsRoot = args.Option("packs") ?? FindPacks(path);
        var ncci = LocalTables.Load(args, packsRoot ?? path, console);
        var packs = packsRoot is null ? [] : PackFolders.Find(packsRoot).Select(PackLoader.Load).ToList();
        foreach (var failure in packs.Where(p => p.Pack is null))
        {
            await console.Error.WriteLineAsync($"pack not loaded: {failure.Errors.FirstOrDefault()}").ConfigureAwait(false);
        }

        var pack = packs.Select(p => p.Pack).FirstOrDefault(p => p is not null && p.Payers.Contains(claim.PayerId));
        var trace = new List<RuleTrace>();
        var result = new ClaimScrubber(new ScrubOptions()).Scrub(claim, ncci, pack, trace: trace);

        await console.Out.WriteLineAsync($"Claim {claim.ClaimId}, payer {claim.PayerId}: {(pack is null ? "no pack for this payer, NCCI alone" : $"pack {pack.Source}")}").ConfigureAwait(false);
        await console.Out.WriteLineAsync($"NCCI: {(result.NcciVersions.IsEmpty ? "none" : string.Join(", ", result.NcciVersions))}").ConfigureAwait(false);
        if (pack is not null)
        {
            await console.Out.WriteLineAsync($"Rules run ({trace.Count} runs; a rule runs only where a line has one of its codes):").ConfigureAwait(false);
            foreach (var run in trace)
            {
                var inputs = run.OtherLineId is null ? $"line {run.LineId ?? "-"}" : $"line {run.LineId}, other {run.OtherLineId}";
                var verdict = run.Fault is not null ? $"FAILED: {run.Fault}" : run.Fired ? "fired" : "did not fire (expression false)";
                await console.Out.WriteLineAsync($"  {run.Rule} on {inputs}: {verdict}").ConfigureAwait(false);
            }
        }

        await console.Out.WriteLineAsync($"Disposition: {result.Disposition}").ConfigureAwait(false);
        foreach (var edit in result.Edits)
        {
            await console.Out.WriteLineAsync($"  [{edit.Severity}] {edit.EditType} line {edit.LineId} — {edit.Source}: {edit.Message}").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static string? FindPacks(string near)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(near)) ?? "."); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rules", "packs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
