namespace Scrubber.X12;

/// <summary>The codes of <see cref="X12Warning"/>: each names one defect the reader accepts because the content stays
/// unambiguous.</summary>
public static class X12WarningCodes
{
    /// <summary>An SE01, GE01 or IEA01 count disagrees with what the file holds.</summary>
    public const string SegmentCount = "SEGMENT_COUNT";

    /// <summary>A bare ST…SE with no ISA/GS envelope.</summary>
    public const string NoEnvelope = "NO_ENVELOPE";

    /// <summary>A composite element uses another component separator than the one ISA16 declares.</summary>
    public const string ComponentSeparator = "COMPONENT_SEPARATOR";

    /// <summary>Blank lines or spaces between segments, or trailing spaces inside one.</summary>
    public const string Filler = "FILLER";
}
