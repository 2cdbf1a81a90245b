using System.Text;
using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Reader;

public sealed class X12ReaderEnvelopeTests
{
    [Fact]
    public void Read_156InterchangesOneLineEach_ReadsEveryInterchange()
    {
        var bytes = X12Fixtures.Bytes("835/tastypackets__835_profee-multiple.edi");

        var document = X12Reader.Read(bytes);

        Assert.Equal(156, document.Interchanges.Length);
        Assert.All(document.Interchanges, i => Assert.Equal("835", Assert.Single(Assert.Single(i.Groups).Transactions).TransactionSetId));
        Assert.Equal(0, document.Interchanges[0].ByteOffset);
        Assert.Equal(1814, document.Interchanges[1].ByteOffset);
        Assert.Equal(155 * 1814, document.Interchanges[^1].ByteOffset);
        Assert.Equal(468, X12Fixtures.Count(document, "CLP"));
        Assert.Equal(1560, X12Fixtures.Count(document, "SVC"));
    }

    [Fact]
    public void Read_312Interchanges_ReadsEveryInterchangeAndClaim()
    {
        var document = X12Fixtures.Read("837p/imsweb__x12_multiple_transactions.txt");

        Assert.Equal(312, document.Interchanges.Length);
        Assert.Equal(312, document.Transactions.Count());
        Assert.All(document.Transactions, t => Assert.Equal("837", t.TransactionSetId));
        Assert.Equal(624, X12Fixtures.Count(document, "CLM"));
    }

    [Fact]
    public void Read_ManyClaims_Reads820ClaimsInOneTransaction()
    {
        var document = X12Fixtures.Read("837p/imsweb__x12_many_claims.txt");

        var transaction = Assert.Single(document.Transactions);
        Assert.Equal(11486, transaction.Segments.Length);
        Assert.Equal(820, X12Fixtures.Count(document, "CLM"));
        Assert.Equal(820, X12Fixtures.Count(document, "SV1"));
    }

    [Theory]
    [InlineData("837p/imsweb__x12_multiple_gs.txt", 3, 3, 6, 6)]
    [InlineData("837p/imsweb__x12_complex.txt", 1, 2, 6, 10)]
    [InlineData("837p/imsweb__x12_bad_first_line.txt", 1, 1, 2, 2)]
    [InlineData("837p/LinuxForHealth__demo.ambulance.example5.837", 1, 1, 1, 4)]
    [InlineData("837p/LinuxForHealth__demo.cob.example4.837", 1, 1, 1, 1)]
    [InlineData("837p/LinuxForHealth__demo.example7.837", 1, 1, 1, 2)]
    [InlineData("837p/UHIN__837.edi", 1, 1, 1, 1)]
    [InlineData("837p/xlate__sample837-original.edi", 1, 1, 1, 1)]
    public void Read_837Fixture_CountsGroupsTransactionsClaimsAndLines(string file, int groups, int transactions, int claims, int lines)
    {
        var document = X12Fixtures.Read(file);

        Assert.Equal(groups, document.Groups.Count());
        Assert.Equal(transactions, document.Transactions.Count());
        Assert.All(document.Transactions, t => Assert.Equal("837", t.TransactionSetId));
        Assert.All(document.Groups, g => Assert.Equal("HC", g.FunctionalId));
        Assert.Equal(claims, X12Fixtures.Count(document, "CLM"));
        Assert.Equal(lines, X12Fixtures.Count(document, "SV1"));
    }

    [Theory]
    [InlineData("835/tastypackets__835_profee.edi", "HP", "835")]
    [InlineData("837p/UHIN__837.edi", "HC", "837")]
    [InlineData("odd/xlate__210_NOT835_ts210_80char_wrapped.edi", "IM", "210")]
    public void Read_TransactionType_ComesFromSt01NotGs01(string file, string gs01, string st01)
    {
        var group = Assert.Single(X12Fixtures.Read(file).Groups);

        Assert.Equal(gs01, group.FunctionalId);
        Assert.Equal(st01, Assert.Single(group.Transactions).TransactionSetId);
    }

    [Fact]
    public void Read_CobClaimWithCas_KeepsTheCasAsAPlainSegmentOfThe837()
    {
        var document = X12Fixtures.Read("837p/LinuxForHealth__demo.cob.example4.837");

        var transaction = Assert.Single(document.Transactions);
        var adjustments = transaction.Segments.Where(s => s.Id == "CAS").Select(s => s.ToString());
        Assert.Equal<string>(["CAS*CO*42*25.00", "CAS*PR*2*15.00"], adjustments);
        Assert.Equal(1118, transaction.Segments.First(s => s.Id == "CAS").ByteOffset);
    }

    [Theory]
    [MemberData(nameof(X12Fixtures.AllFiles), MemberType = typeof(X12Fixtures))]
    public void Read_EveryFixture_EverySegmentOffsetPointsAtItsId(string file)
    {
        var bytes = X12Fixtures.Bytes(file);

        var document = X12Fixtures.Read(file);

        Assert.NotEmpty(document.Transactions);
        foreach (var segment in document.Transactions.SelectMany(t => t.Segments))
        {
            Assert.Equal(segment.Id, Encoding.ASCII.GetString(bytes, (int)segment.ByteOffset, segment.Id.Length));
        }
    }

    [Fact]
    public void Read_CrLfIndentedCopy_ReadsTheSameSegments()
    {
        var text = Encoding.ASCII.GetString(X12Fixtures.Bytes("835/tastypackets__835_profee.edi"));
        var indented = text.Replace("~\n", "~\r\n    \t", StringComparison.Ordinal);

        var original = Texts(X12Reader.Read(X12Fixtures.Ascii(text)));
        var copy = Texts(X12Reader.Read(X12Fixtures.Ascii(indented)));

        Assert.Equal(66, original.Count);
        Assert.Equal<string>(original, copy);
    }

    [Fact]
    public void Read_CopyHardWrappedAt80Columns_ReadsTheSameSegments()
    {
        var text = Encoding.ASCII.GetString(X12Fixtures.Bytes("835/tastypackets__835_profee.edi")).Replace("\n", "", StringComparison.Ordinal);
        var wrapped = string.Join("\r\n", text.Chunk(80).Select(chunk => new string(chunk)));

        var copy = X12Reader.Read(X12Fixtures.Ascii(wrapped));

        Assert.Equal<string>(Texts(X12Reader.Read(X12Fixtures.Ascii(text))), Texts(copy));
    }

    [Fact]
    public void Read_ConcatenatedFilesWithByteOrderMarks_ReadsEachInterchangeWithItsOwnSeparators()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var first = X12Fixtures.Bytes("835/tastypackets__835_profee.edi");
        var second = X12Fixtures.Bytes("835/keironstoddart__835_united_healthcare_legacy_sample.txt");

        var document = X12Reader.Read([.. bom, .. first, .. bom, .. second]);

        Assert.Equal(2, document.Interchanges.Length);
        Assert.Equal(':', document.Interchanges[0].Separators.Component);
        Assert.Equal('>', document.Interchanges[1].Separators.Component);
        Assert.Equal(3, document.Interchanges[0].ByteOffset);
        Assert.Equal(3 + first.Length + 3, document.Interchanges[1].ByteOffset);
        Assert.Equal<string>(["1740", "000000064"], document.Transactions.Select(t => t.ControlNumber));
    }

    [Fact]
    public void Read_StaleSegmentCount_IsAWarningAndAnErrorWhenStrict()
    {
        var bytes = X12Fixtures.Bytes("837p/imsweb__x12_bad_first_line.txt");

        var document = X12Reader.Read(bytes);
        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(bytes, X12Fixtures.Strict));

        Assert.Equal(34, Assert.Single(document.Transactions).Segments.Length);
        var warning = Assert.Single(document.Warnings, w => w.Code == X12WarningCodes.SegmentCount && w.Segment == "SE");
        Assert.Equal("the SE at byte 1171 says transaction set 837 (ST at byte 170) has 25 segments, but it has 34 from ST to SE", warning.Message);
        Assert.Equal(1171, warning.ByteOffset);
        Assert.Equal(warning.Message + " (refused: strict reading)", ex.Message);
        Assert.Equal((1171L, "SE"), (ex.ByteOffset, ex.Segment));
    }

    private static List<string> Texts(X12Document document) =>
        [.. document.Interchanges.Select(i => i.Header!.ToString()).Concat(document.Transactions.SelectMany(t => t.Segments).Select(s => s.ToString()))];
}
