using System.Collections.Immutable;

namespace Scrubber.X12;

/// <summary>One X12 file: its interchanges in file order.</summary>
/// <param name="Interchanges">ISA…IEA envelopes; a bare ST…SE fragment is held in one envelope without headers.</param>
/// <param name="IsEnveloped">False when the file was a bare ST…SE fragment with no ISA/GS envelope.</param>
public sealed record X12Document(ImmutableArray<X12Interchange> Interchanges, bool IsEnveloped)
{
    /// <summary>Every functional group of every interchange, in file order.</summary>
    public IEnumerable<X12FunctionalGroup> Groups => Interchanges.SelectMany(i => i.Groups);

    /// <summary>Every transaction set of every group, in file order.</summary>
    public IEnumerable<X12Transaction> Transactions => Groups.SelectMany(g => g.Transactions);

    /// <summary>What the reader accepted but found odd, in file order.</summary>
    public ImmutableArray<X12Warning> Warnings { get; init; } = [];
}
