using System.Collections.Immutable;

namespace Scrubber.X12;

/// <summary>One ST…SE transaction set.</summary>
/// <param name="TransactionSetId">ST01, the transaction type (835, 837, 210, …).</param>
/// <param name="ControlNumber">ST02.</param>
/// <param name="Segments">Every segment from ST to SE, both included.</param>
/// <param name="ByteOffset">Where the ST starts.</param>
public sealed record X12Transaction(string TransactionSetId, string ControlNumber, ImmutableArray<X12Segment> Segments, long ByteOffset);
