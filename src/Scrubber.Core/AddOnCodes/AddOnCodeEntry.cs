using System.Collections.Frozen;
using System.Collections.Immutable;
using Scrubber.Core.Claims;

namespace Scrubber.Core.AddOnCodes;

/// <summary>What the AOC file says of one add-on code over a span of dates in which none of its rows starts or ends.
/// Built once when the table loads, so a lookup hands out the same instance and allocates nothing.</summary>
/// <param name="AddOn">The add-on code.</param>
/// <param name="EditType">Who says which primaries are eligible.</param>
/// <param name="Primaries">The listed primaries in force (empty for type 2).</param>
/// <param name="From">The first date of service this entry covers.</param>
/// <param name="Until">The last date it covers (inclusive), or null when no row in force ends.</param>
/// <param name="Notes">The special instruction notes of the rows in force, distinct, in file order.</param>
public sealed record AddOnCodeEntry(
    HcpcsCode AddOn,
    AddOnEditType EditType,
    FrozenSet<HcpcsCode> Primaries,
    DateOnly From,
    DateOnly? Until,
    ImmutableArray<string> Notes)
{
    /// <summary>The listed primaries in code order, for messages that name a few.</summary>
    public ImmutableArray<HcpcsCode> PrimariesInOrder { get; } = [.. Primaries.OrderBy(c => c.Value)];
}
