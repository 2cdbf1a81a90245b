using System.Collections.Immutable;
using System.Globalization;

namespace Scrubber.X12.Internal;

/// <summary>A transaction set between its ST and its SE, collecting segments.</summary>
internal sealed class OpenTransaction
{
    private readonly ImmutableArray<X12Segment>.Builder _segments = ImmutableArray.CreateBuilder<X12Segment>();

    public OpenTransaction(X12Segment st)
    {
        if (st.Element(1).Length == 0)
        {
            throw new X12FormatException(
                $"the ST at byte {st.ByteOffset} has no transaction set identifier (ST01 is empty)", st.ByteOffset, "ST");
        }

        Start = st;
        _segments.Add(st);
    }

    public X12Segment Start { get; }

    public string Id => Start.Element(1);

    /// <summary>How an error message names this transaction while it is open.</summary>
    public string Description => $"the transaction set {Clip(Id)} that starts with ST at byte {Start.ByteOffset} has no SE";

    public void Add(X12Segment segment) => _segments.Add(segment);

    /// <summary>Closes the transaction with its SE. An SE01 that disagrees with the segments read is a warning: the SE
    /// itself shows the transaction ended where it says, so the content is unambiguous.</summary>
    public X12Transaction Close(X12Segment se, ReadWarnings warnings)
    {
        _segments.Add(se);
        var declared = se.Element(1);
        if (!int.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            warnings.Add(X12WarningCodes.SegmentCount,
                $"SE01 '{Clip(declared)}' at byte {se.ByteOffset} is not a segment count (transaction set {Clip(Id)}, ST at byte {Start.ByteOffset}); " +
                $"the transaction has {_segments.Count} segments from ST to SE",
                se.ByteOffset,
                "SE");
        }
        else if (count != _segments.Count)
        {
            warnings.Add(X12WarningCodes.SegmentCount,
                $"the SE at byte {se.ByteOffset} says transaction set {Clip(Id)} (ST at byte {Start.ByteOffset}) has {count} segments, " +
                $"but it has {_segments.Count} from ST to SE",
                se.ByteOffset,
                "SE");
        }

        return new X12Transaction(Id, Start.Element(2), _segments.DrainToImmutable(), Start.ByteOffset);
    }

    internal static string Clip(string text) => text.Length > 12 ? text[..12] + "…" : text;
}
