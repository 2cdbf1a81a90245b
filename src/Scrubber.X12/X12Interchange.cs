using System.Collections.Immutable;

namespace Scrubber.X12;

/// <summary>One ISA…IEA interchange.</summary>
/// <param name="Header">The ISA segment; null for a bare fragment.</param>
/// <param name="Separators">The delimiters this interchange uses.</param>
/// <param name="ControlNumber">ISA13; empty for a bare fragment.</param>
/// <param name="Version">ISA12, the envelope version (for example 00401, 00501); empty for a bare fragment.</param>
/// <param name="Groups">The GS…GE groups, in file order.</param>
/// <param name="ByteOffset">Where the ISA starts (0 for a bare fragment).</param>
public sealed record X12Interchange(
    X12Segment? Header,
    X12Separators Separators,
    string ControlNumber,
    string Version,
    ImmutableArray<X12FunctionalGroup> Groups,
    long ByteOffset);
