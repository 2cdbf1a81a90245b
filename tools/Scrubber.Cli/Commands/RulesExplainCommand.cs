using System.CommandLine;
using System.Text.Json;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules explain</c>: scrubs a claim locally and shows which rules ran, which fired and why.</summary>
internal sealed class RulesExplainCommand : CliCommand
{
    private readonly Argument<string> _file = new("claim.json") { Description = "a claim in the API's JSON (scrubber.v1.Claim)" };

    private readonly Option<string?> _packs = new("--packs")
    {
        Description = "the packs folder (default: rules/packs above the claim file)",
        HelpName = "FOLDER",
    };

    private readonly LocalTables _tables = new();

    public RulesExplainCommand(CliConsole console)
        : base("explain", "Scrub a claim locally and show which rules ran on which lines, which fired, and the edits.", console,
            """
            Loads the packs, picks the pack of the claim's payerId, and scrubs the claim in this process, tracing every
            rule run: its inputs (line, other), whether its expression was true, and the edit it raised. NCCI edits are
            shown too.

            Exit codes: 1 when the claim is malformed (JSON errors as FILE:LINE:COL: reason) or invalid, 3 when the
            file cannot be read.
            """)
    {
        Arguments.Add(_file);
        Options.Add(_packs);
        _tables.AddTo(this);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var path = parse.GetRequiredValue(_file);
        var claim = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return ExitCodes.Problems;
        }

        var packsRoot = parse.GetValue(_packs) ?? FindPacks(path);
        var ncci = _tables.Load(parse, packsRoot ?? path, Console);
        var packs = packsRoot is null ? [] : PackFolders.Find(packsRoot).Select(PackLoader.Load).ToList();
        foreach (var failure in packs.Where(p => p.Pack is null))
        {
            await Console.Error.WriteLineAsync($"pack not loaded: {failure.Errors.FirstOrDefault()}").ConfigureAwait(false);
        }

        var pack = packs.Select(p => p.Pack).FirstOrDefault(p => p is not null && p.Payers.Contains(claim.PayerId));
        var trace = new List<RuleTrace>();
        var result = new ClaimScrubber(new ScrubOptions()).Scrub(claim, ncci, pack, trace: trace, cancellationToken: cancellationToken);

        await Console.Out.WriteLineAsync($"Claim {claim.ClaimId}, payer {claim.PayerId}: {(pack is null ? "no pack for this payer, NCCI alone" : $"pack {pack.Source}")}").ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"NCCI: {(result.NcciVersions.IsEmpty ? "none" : string.Join(", ", result.NcciVersions))}").ConfigureAwait(false);
        if (pack is not null)
        {
            await Console.Out.WriteLineAsync($"Rules run ({trace.Count} runs; a rule runs only where a line has one of its codes):").ConfigureAwait(false);
            foreach (var run in trace)
            {
                var inputs = run.OtherLineId is null ? $"line {run.LineId ?? "-"}" : $"line {run.LineId}, other {run.OtherLineId}";
                var verdict = run.Fault is not null ? $"FAILED: {run.Fault}" : run.Fired ? "fired" : "did not fire (expression false)";
                await Console.Out.WriteLineAsync($"  {run.Rule} on {inputs}: {verdict}").ConfigureAwait(false);
            }
        }

        await Console.Out.WriteLineAsync($"Disposition: {result.Disposition}").ConfigureAwait(false);
        foreach (var edit in result.Edits)
        {
            await Console.Out.WriteLineAsync($"  [{edit.Severity}] {edit.EditType} line {edit.LineId} — {edit.Source}: {edit.Message}").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    /// <summary>The claim, or null after printing why it is invalid.</summary>
    /// <exception cref="CommandFailedException">The file cannot be read (exit 3) or is not a claim in JSON (exit 1).</exception>
    private async Task<Claim?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var json = await ClaimFile.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        ClaimInput input;
        try
        {
            input = ClaimJson.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CommandFailedException(ExitCodes.Problems, JsonErrorLocation.Format(path, json, ex));
        }

        var claim = ClaimValidator.TryCreate(input, ClaimLimits.Default with { MaxLines = 1000 }, out var violations);
        foreach (var violation in violations)
        {
            await Console.Error.WriteLineAsync($"{path}: {violation}").ConfigureAwait(false);
        }

        return claim;
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
