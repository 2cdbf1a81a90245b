using System.Collections.Immutable;

namespace Scrubber.X12;

/// <summary>One GS…GE functional group.</summary>
/// <param name="Header">The GS segment; null for a bare fragment.</param>
/// <param name="FunctionalId">GS01 (HP for 835, HC for 837). Not the transaction type: that is ST01.</param>
/// <param name="ControlNumber">GS06.</param>
/// <param name="Version">GS08, the implementation guide (for example 005010X221A1).</param>
/// <param name="Transactions">The ST…SE transaction sets, in file order.</param>
/// <param name="ByteOffset">Where the GS starts.</param>
public sealed record X12FunctionalGroup(
    X12Segment? Header,
    string FunctionalId,
    string ControlNumber,
    string Version,
    ImmutableArray<X12Transaction> Transactions,
    long ByteOffset);
