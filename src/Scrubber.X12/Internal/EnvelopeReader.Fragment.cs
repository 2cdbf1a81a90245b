namespace Scrubber.X12.Internal;

/// <summary>Reading a bare ST…SE fragment: no ISA, GS, GE or IEA; one implicit interchange and group.</summary>
internal sealed partial class EnvelopeReader
{
    private X12Document ReadFragment(int start)
    {
        var separators = FragmentHeader.Infer(content, start);
        _warnings.Add(X12WarningCodes.NoEnvelope,
            $"the file is a bare ST…SE with no ISA/GS envelope (ST at byte {start}); its separators were inferred from the ST " +
            $"('{separators.Element}' between elements, '{X12Bytes.Describe((byte)separators.Segment)}' ending segments)",
            start,
            "ST");
        var cursor = new SegmentCursor(content, start, separators, _factory, _warnings);
        var group = new OpenGroup(null);
        OpenTransaction? transaction = null;
        while (cursor.Next() is { } segment)
        {
            switch (segment.Id)
            {
                case "ISA" or "GS" or "GE" or "IEA":
                    throw new X12FormatException(
                        $"the {segment.Id} at byte {segment.ByteOffset} is an envelope segment, but the file starts with a bare ST " +
                        $"at byte {start} (no ISA); a file is either enveloped from its first byte or not at all",
                        segment.ByteOffset,
                        segment.Id);
                case "ST":
                    ThrowIfOpen(transaction?.Description, segment, transaction, group, start);
                    transaction = new OpenTransaction(segment);
                    break;
                case "SE":
                    group.Add((transaction ?? throw Outside(segment, "a transaction set", "ST")).Close(segment, _warnings));
                    transaction = null;
                    break;
                default:
                    (transaction ?? throw Outside(segment, "a transaction set", "ST")).Add(segment);
                    break;
            }
        }

        if (transaction is not null)
        {
            throw AtEnd(transaction.Description, transaction, group, start);
        }

        var interchange = new X12Interchange(null, separators, string.Empty, string.Empty, [group.Close()], start);
        return new X12Document([interchange], IsEnveloped: false) { Warnings = _warnings.ToImmutable() };
    }
}
