using System.Globalization;

namespace Scrubber.X12.Internal;

/// <summary>Checks the counts GE01 (transaction sets in the group) and IEA01 (groups in the interchange) declare. A
/// count that disagrees is a warning: the closing segment itself shows where the envelope ends.</summary>
internal static class ControlCounts
{
    public static void Check(X12Segment closer, int actual, string what, ReadWarnings warnings)
    {
        var declared = closer.Element(1);
        var name = closer.Id + "01";
        if (!int.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            warnings.Add(X12WarningCodes.SegmentCount,
                $"{name} '{OpenTransaction.Clip(declared)}' at byte {closer.ByteOffset} is not a count of {what}; there are {actual}",
                closer.ByteOffset,
                closer.Id);
        }
        else if (count != actual)
        {
            warnings.Add(X12WarningCodes.SegmentCount,
                $"the {closer.Id} at byte {closer.ByteOffset} says {count} {what}, but there are {actual}",
                closer.ByteOffset,
                closer.Id);
        }
    }
}
