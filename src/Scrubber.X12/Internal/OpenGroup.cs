using System.Collections.Immutable;

namespace Scrubber.X12.Internal;

/// <summary>A functional group between its GS and its GE, collecting transaction sets.</summary>
internal sealed class OpenGroup(X12Segment? gs)
{
    private readonly ImmutableArray<X12Transaction>.Builder _transactions = ImmutableArray.CreateBuilder<X12Transaction>();

    public long ByteOffset => gs?.ByteOffset ?? 0;

    public string Description => $"the functional group that starts with GS at byte {ByteOffset} has no GE";

    /// <summary>The transaction sets closed so far.</summary>
    public int Count => _transactions.Count;

    public void Add(X12Transaction transaction) => _transactions.Add(transaction);

    public X12FunctionalGroup Close() => new(
        gs,
        gs?.Element(1) ?? string.Empty,
        gs?.Element(6) ?? string.Empty,
        gs?.Element(8) ?? string.Empty,
        _transactions.DrainToImmutable(),
        ByteOffset);
}
