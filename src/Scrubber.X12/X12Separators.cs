namespace Scrubber.X12;

/// <summary>The delimiters of one interchange, as its ISA declares them (or as a bare fragment implies them).</summary>
/// <param name="Element">Separates the elements of a segment: the byte right after <c>ISA</c>.</param>
/// <param name="Component">Separates the components of a composite element: ISA16.</param>
/// <param name="Segment">Ends a segment: the byte after ISA16. CR or LF means every line break ends a segment.</param>
/// <param name="Repetition">Separates repeats of an element: ISA11 from envelope version 00402 on, otherwise null.</param>
public sealed record X12Separators(char Element, char Component, char Segment, char? Repetition);
