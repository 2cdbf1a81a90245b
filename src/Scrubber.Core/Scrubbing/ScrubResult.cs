using System.Collections.Immutable;
using Scrubber.Core.Packs;

namespace Scrubber.Core.Scrubbing;

/// <summary>The outcome of scrubbing one claim.</summary>
/// <param name="Disposition">The highest severity among the edits.</param>
/// <param name="Edits">Every edit, in line order.</param>
/// <param name="NcciVersions">The table versions the lines were edited with.</param>
public sealed record ScrubResult(Disposition Disposition, ImmutableArray<Edit> Edits, ImmutableArray<string> NcciVersions)
{
    /// <summary>The payer pack (id@version) the claim was scrubbed with, or null when its payer has none.</summary>
    public string? Pack { get; init; }

    /// <summary>Lines whose units no MUE table evaluated: the code has no row in the table for the claim's setting (it
    /// may still have a confidential MUE), or no such table is loaded. A PM system knows those units were not checked.</summary>
    public ImmutableArray<string> UnitsNotEvaluated { get; init; } = [];

    /// <summary>Payer rules that threw while running; the host logs and counts them.</summary>
    public ImmutableArray<RuleFault> RuleFaults { get; init; } = [];

    /// <summary>The disposition for a set of edits.</summary>
    public static Disposition DispositionOf(IEnumerable<Edit> edits)
    {
        var highest = Severity.Info;
        foreach (var edit in edits)
        {
            highest = edit.Severity > highest ? edit.Severity : highest;
        }

        return highest switch
        {
            Severity.HardStop => Disposition.HardStop,
            Severity.Warning => Disposition.Warnings,
            _ => Disposition.Clean,
        };
    }
}
