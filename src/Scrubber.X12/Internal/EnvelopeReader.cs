using System.Collections.Immutable;

namespace Scrubber.X12.Internal;

/// <summary>The one-pass state machine behind <see cref="X12Reader"/>: ISA → GS → ST … SE → GE → IEA, repeated.</summary>
internal sealed partial class EnvelopeReader(byte[] content, X12ReaderOptions options)
{
    private readonly SegmentFactory _factory = new();
    private readonly ReadWarnings _warnings = new(options.Strict);

    public X12Document Read()
    {
        X12Bytes.RejectUtf16(content);
        var start = X12Bytes.SkipFiller(content, 0);
        if (start >= content.Length)
        {
            var what = content.Length == 0 ? "the file is empty" : "the file holds only white space";
            throw new X12FormatException($"not X12: {what}; expected an ISA segment at byte {start}", start, null);
        }

        if (IsIsaAt(start))
        {
            return ReadInterchanges(start);
        }

        if (FragmentHeader.IsFragmentStart(content, start))
        {
            return ReadFragment(start);
        }

        throw new X12FormatException(
            $"not X12: expected an ISA segment at byte {start}, found '{X12Bytes.Preview(content, start)}'", start, null);
    }

    private bool IsIsaAt(int position) => content.AsSpan(position).StartsWith("ISA"u8);

    private X12Document ReadInterchanges(int position)
    {
        var interchanges = ImmutableArray.CreateBuilder<X12Interchange>();
        while (position < content.Length)
        {
            if (!IsIsaAt(position))
            {
                throw new X12FormatException(
                    $"expected an ISA segment at byte {position} after the end of the interchange before it (IEA), " +
                    $"found '{X12Bytes.Preview(content, position)}'",
                    position,
                    null);
            }

            interchanges.Add(ReadInterchange(ref position));
            position = X12Bytes.SkipFiller(content, position);
        }

        return new X12Document(interchanges.DrainToImmutable(), IsEnveloped: true) { Warnings = _warnings.ToImmutable() };
    }

    private X12Interchange ReadInterchange(ref int position)
    {
        var isaStart = position;
        var isa = ReadIsa(isaStart, out var separators, out var afterIsa);
        var cursor = new SegmentCursor(content, afterIsa, separators, _factory, _warnings);
        var groups = ImmutableArray.CreateBuilder<X12FunctionalGroup>();
        OpenGroup? group = null;
        OpenTransaction? transaction = null;
        while (cursor.Next() is { } segment)
        {
            switch (segment.Id)
            {
                case "ISA":
                    throw Truncated(transaction?.Description ?? group?.Description ?? IsaDescription(isaStart), segment, transaction, group, isaStart);
                case "GS":
                    ThrowIfOpen(transaction?.Description ?? group?.Description, segment, transaction, group, isaStart);
                    group = new OpenGroup(segment);
                    break;
                case "ST":
                    ThrowIfOpen(transaction?.Description, segment, transaction, group, isaStart);
                    transaction = group is null ? throw Outside(segment, "a functional group", "GS") : new OpenTransaction(segment);
                    break;
                case "SE":
                    var closed = (transaction ?? throw Outside(segment, "a transaction set", "ST")).Close(segment, _warnings);

                    // ST opens a transaction only inside a group, and GE refuses to close a group with a transaction open.
                    group!.Add(closed);
                    transaction = null;
                    break;
                case "GE":
                    ThrowIfOpen(transaction?.Description, segment, transaction, group, isaStart);
                    ControlCounts.Check(segment, (group ?? throw Outside(segment, "a functional group", "GS")).Count, "transaction sets", _warnings);
                    groups.Add(group.Close());
                    group = null;
                    break;
                case "IEA":
                    ThrowIfOpen(transaction?.Description ?? group?.Description, segment, transaction, group, isaStart);
                    ControlCounts.Check(segment, groups.Count, "functional groups", _warnings);
                    position = cursor.Position;
                    return new X12Interchange(isa, separators, isa.Element(13).Trim(), isa.Element(12), groups.DrainToImmutable(), isaStart);
                default:
                    (transaction ?? throw Outside(segment, "a transaction set", "ST")).Add(segment);
                    break;
            }
        }

        throw AtEnd(transaction?.Description ?? group?.Description ?? IsaDescription(isaStart), transaction, group, isaStart);
    }

    /// <summary>Reads the ISA at <paramref name="isaStart"/>; its delimiters apply to the segments up to the next IEA.</summary>
    private X12Segment ReadIsa(int isaStart, out X12Separators separators, out int afterIsa)
    {
        var found = InterchangeHeader.Find(content, isaStart);
        var provisional = new X12Separators((char)found.Element, (char)found.Component, (char)found.Terminator, null);
        var isa = _factory.Create(content.AsSpan(isaStart, found.TerminatorIndex - isaStart), isaStart, provisional, dropLineBreaks: true);
        separators = provisional with { Repetition = RepetitionSeparator(isa, found) };
        afterIsa = found.TerminatorIndex + 1;
        return isa with { Separators = separators };
    }

    /// <summary>
    /// ISA11 became the repetition separator with envelope version 00402; before that it was the standards id "U".
    /// De-identified files carry versions such as 99999 with ISA11 still "U", so a letter or digit is never taken.
    /// </summary>
    private static char? RepetitionSeparator(X12Segment isa, InterchangeHeader.Delimiters found)
    {
        var isa11 = isa.Element(11);
        if (isa11.Length != 1 || string.CompareOrdinal(isa.Element(12), "00402") < 0)
        {
            return null;
        }

        var candidate = (byte)isa11[0];
        return isa11[0] < 0x80 && InterchangeHeader.IsDelimiter(candidate) && !X12Bytes.IsLineBreak(candidate)
            && candidate != found.Element && candidate != found.Component && candidate != found.Terminator
            ? isa11[0]
            : null;
    }

    private static string IsaDescription(long isaStart) => $"the interchange that starts with ISA at byte {isaStart} has no IEA";

    private static void ThrowIfOpen(string? open, X12Segment next, OpenTransaction? transaction, OpenGroup? group, long isaStart)
    {
        if (open is not null)
        {
            throw Truncated(open, next, transaction, group, isaStart);
        }
    }

    private static X12FormatException Truncated(string open, X12Segment next, OpenTransaction? transaction, OpenGroup? group, long isaStart) =>
        new($"truncated: {open} before the {next.Id} at byte {next.ByteOffset}", OpenOffset(transaction, group, isaStart), OpenId(transaction, group));

    private X12FormatException AtEnd(string open, OpenTransaction? transaction, OpenGroup? group, long isaStart) =>
        new($"truncated: {open} (the data ends at byte {content.Length})", OpenOffset(transaction, group, isaStart), OpenId(transaction, group));

    private static long OpenOffset(OpenTransaction? transaction, OpenGroup? group, long isaStart) =>
        transaction?.Start.ByteOffset ?? group?.ByteOffset ?? isaStart;

    private static string OpenId(OpenTransaction? transaction, OpenGroup? group) =>
        transaction is not null ? "ST" : group is not null ? "GS" : "ISA";

    private static X12FormatException Outside(X12Segment segment, string container, string opener) => new(
        $"the {segment.Id} at byte {segment.ByteOffset} is outside {container}: expected {opener} before it",
        segment.ByteOffset,
        segment.Id);
}
