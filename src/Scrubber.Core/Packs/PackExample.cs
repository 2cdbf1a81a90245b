using System.Collections.Immutable;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs.Documents;

namespace Scrubber.Core.Packs;

/// <summary>A pack's example claim, validated, with the pack edits it must produce.</summary>
/// <param name="File">The example's file.</param>
/// <param name="Description">What it shows.</param>
/// <param name="Claim">The claim.</param>
/// <param name="Expected">The pack edits it must produce, exactly.</param>
public sealed record PackExample(string File, string Description, Claim Claim, ImmutableArray<ExpectedEdit> Expected)
{
    /// <summary>The NCCI rows the example declares it assumes, as a table of its own (for both settings), or null when
    /// it declares none and is scrubbed against the loaded quarter.</summary>
    public NcciSnapshot? AssumedTables { get; init; }

    /// <summary>The lines of the example's earlier, sent claims (its <c>history</c>), as a scrub reads them from the store.</summary>
    public ImmutableArray<PriorLine> History { get; init; } = [];

    /// <summary>The pairs of <see cref="AssumedTables"/>, as (column 1, column 2).</summary>
    public ImmutableArray<(HcpcsCode Column1, HcpcsCode Column2)> AssumedPairs { get; init; } = [];
}
