using System.Collections.Immutable;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Core.Packs;

/// <summary>Scrubs each example claim of a pack and compares the pack's edits with the expected ones, exactly.</summary>
public static class PackExampleRunner
{
    /// <summary>Runs every example; NCCI edits are scrubbed too (pack policies act on them) but only the pack's own edits are compared.</summary>
    /// <remarks>Without the scrubber's time budget: a pack is accepted or refused by what it raises, never by how busy
    /// the machine was while it loaded (its cost is checked, deterministically, when it compiles).</remarks>
    public static ImmutableArray<ExampleOutcome> Run(CompiledPack pack, ClaimScrubber scrubber, NcciSnapshot ncci)
    {
        var unbudgeted = scrubber.WithoutBudget();
        return [.. pack.Examples.Select(example => RunOne(pack, example, unbudgeted, ncci))];
    }

    /// <summary>Why the pack cannot go live on <paramref name="ncci"/>: the PTP table it edits with is not loaded
    /// (whatever its examples assume), then each failed example.</summary>
    public static IEnumerable<PackError> Verify(CompiledPack pack, ClaimScrubber scrubber, NcciSnapshot ncci)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return pack.MissingTable(ncci) is { } missing
            ? [new PackError(Path.Combine(pack.Folder, PackLoader.PackFileName), null, missing)]
            : Errors(Run(pack, scrubber, ncci));
    }

    /// <summary>The errors of failed examples, in the form pack rejections report.</summary>
    public static IEnumerable<PackError> Errors(IEnumerable<ExampleOutcome> outcomes) =>
        outcomes.Where(o => !o.Passed).Select(o => new PackError(o.Example.File, null, o.Explanation));

    private static ExampleOutcome RunOne(CompiledPack pack, PackExample example, ClaimScrubber scrubber, NcciSnapshot ncci)
    {
        ScrubResult result;
        try
        {
            // An example that declares its NCCI rows is proved against them alone, so a new quarter cannot break it.
            result = scrubber.Scrub(example.Claim, example.AssumedTables ?? ncci, pack, example.History);
        }
        catch (NcciTableMissingException ex)
        {
            return new ExampleOutcome(example, false, [], [], [], ex.Message);
        }

        var actual = result.Edits.Where(e => IsFromPack(e, pack)).Select(KeyOf).ToList();
        var expected = example.Expected.Select(KeyOf).ToList();
        var missing = Subtract(expected, actual);
        var unexpected = Subtract(actual, expected);
        var faults = result.RuleFaults.Select(f => $"{f.Source} failed: {f.Message}").ToImmutableArray();
        var passed = missing.Count == 0 && unexpected.Count == 0 && faults.IsEmpty;
        var explanation = passed
            ? "passed"
            : string.Join("; ", missing.Select(m => $"expected {m} but the pack did not raise it")
                .Concat(unexpected.Select(u => $"the pack raised {u}, which the example does not expect"))
                .Concat(faults));
        return new ExampleOutcome(example, passed, [.. missing], [.. unexpected], [.. result.Edits.Where(e => IsFromPack(e, pack))], explanation);
    }

    /// <summary>For <c>rules lint</c>: per example, the NCCI pairs of the loaded tables its claim hits that it does
    /// not declare in <c>assumes</c>. A new quarter that changes those rows changes the example's result.</summary>
    public static IEnumerable<(PackExample Example, IReadOnlyList<string> Pairs)> UndeclaredRows(CompiledPack pack, ClaimScrubber scrubber, NcciSnapshot ncci)
    {
        foreach (var example in pack.Examples)
        {
            ScrubResult result;
            try
            {
                result = scrubber.Scrub(example.Claim, ncci, pack, example.History);
            }
            catch (NcciTableMissingException)
            {
                continue;
            }

            var undeclared = result.Edits
                .Where(e => e.Row is { } row && !example.AssumedPairs.Contains((row.Column1, row.Column2)))
                .Select(e => $"{e.Row!.Value.Column1}/{e.Row.Value.Column2}")
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (undeclared.Count > 0)
            {
                yield return (example, undeclared);
            }
        }
    }

    private static bool IsFromPack(Edit edit, CompiledPack pack) =>
        edit.Source == pack.Source || edit.Source.StartsWith(pack.Source + "/", StringComparison.Ordinal);

    private static string KeyOf(Edit edit) => Key(edit.Rule is null ? $"type {edit.EditType}" : $"rule {edit.Rule}", edit.LineId, edit.Severity);

    private static string KeyOf(ExpectedEdit edit) =>
        Key(edit.Rule is null ? $"type {edit.Type}" : $"rule {edit.Rule}", edit.Line, PackCompiler.ToSeverity(edit.Severity));

    private static string Key(string what, string line, Severity severity) => $"{what} on line {line} ({severity})";

    private static List<string> Subtract(List<string> from, List<string> remove)
    {
        var left = new List<string>(from);
        foreach (var item in remove)
        {
            left.Remove(item);
        }

        return left;
    }
}

/// <summary>The result of one example: passed, or what was missing and what was unexpected.</summary>
/// <param name="Example">The example.</param>
/// <param name="Passed">Whether the pack raised exactly the expected edits.</param>
/// <param name="Missing">Expected edits the pack did not raise.</param>
/// <param name="Unexpected">Edits the pack raised that the example does not expect.</param>
/// <param name="PackEdits">Every edit the pack raised on the example claim.</param>
/// <param name="Explanation">One line a rule author reads.</param>
public sealed record ExampleOutcome(
    PackExample Example,
    bool Passed,
    ImmutableArray<string> Missing,
    ImmutableArray<string> Unexpected,
    ImmutableArray<Edit> PackEdits,
    string Explanation);
