namespace Scrubber.X12;

/// <summary>Something the reader accepted but found odd; the content it read is unambiguous.</summary>
/// <param name="Code">A stable code: <see cref="X12WarningCodes"/>.</param>
/// <param name="Message">What was odd, where, and what the reader did about it.</param>
/// <param name="ByteOffset">Where, counting from the first byte of the file.</param>
/// <param name="Segment">The segment id at fault (SE, GE, IEA, ST, SVC, …), or null when there is none.</param>
public sealed record X12Warning(string Code, string Message, long ByteOffset, string? Segment);
