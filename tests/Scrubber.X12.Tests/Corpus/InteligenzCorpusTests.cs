using Scrubber.Testing;
using Scrubber.X12.Remittance;

namespace Scrubber.X12.Tests.Corpus;

/// <summary>
/// Inteligenz/X12Parser samples, real de-identified payer files among them. Their CDDL licence keeps them out of the
/// repository, so they are read from the shared corpus beside it and these tests are skipped where it is absent.
/// </summary>
public sealed class InteligenzCorpusTests
{
    [SharedCorpusFact]
    public void Read_835DeIdent01_ReadsReversalsAndLineLevelCo97()
    {
        var file = Remittance835Parser.Read(Bytes("835/Inteligenz__835_DeIdent_01.dat"));

        var claims = file.Claims.ToList();
        Assert.Single(file.Transactions);
        Assert.Equal(96, claims.Count);
        Assert.Equal(365, claims.Sum(c => c.Lines.Length));
        Assert.Equal(19, claims.Count(c => c.IsReversal));
        Assert.All(claims.Where(c => c.IsReversal), c => Assert.True(c.Charge < 0));
        Assert.Contains(new Adjustment("CR", "31", -42m, null), claims.First(c => c.IsReversal).Lines[0].Adjustments);
        var co97 = claims.SelectMany(c => c.Lines).SelectMany(l => l.Adjustments).Where(a => a is { Group: "CO", Reason: "97" });
        Assert.Equal<decimal>([22m, 0.01m, 768m, 768m], co97.Select(a => a.Amount));
        Assert.DoesNotContain(claims.SelectMany(c => c.Adjustments), a => a.Reason == "97");

        // 21 lines come without REF*6R: matching them to the 837 needs the procedure code and date.
        Assert.Equal(21, claims.SelectMany(c => c.Lines).Count(l => l.LineControlNumber is null));
    }

    [SharedCorpusFact]
    public void Read_835DeIdent02_ReadsSixTransactionsInOneGroup()
    {
        var document = X12Reader.Read(Bytes("835/Inteligenz__835_DeIdent_02.dat"));
        var file = Remittance835Parser.Parse(document);

        Assert.Equal(6, Assert.Single(Assert.Single(document.Interchanges).Groups).Transactions.Length);
        Assert.Equal<int>([1, 162, 2, 2, 196, 12], file.Transactions.Select(t => t.Claims.Length));

        // The last SE02 (999999999) does not echo its ST02: the control number is ST02's.
        Assert.Equal("9999999996", file.Transactions[^1].ControlNumber);
        var lines = file.Claims.SelectMany(c => c.Lines).ToList();
        Assert.Equal(1552, lines.Count);
        Assert.All(lines, l => Assert.NotNull(l.LineControlNumber));
        Assert.Equal(8, file.Claims.Count(c => c.IsReversal));
        Assert.Equal(292, file.Claims.Count(c => c.Status == "19"));
        var co97 = lines.SelectMany(l => l.Adjustments).Where(a => a is { Group: "CO", Reason: "97" }).ToList();
        Assert.Equal(14, co97.Count);
        Assert.All(co97, a => Assert.Equal(45m, a.Amount));
    }

    [SharedCorpusFact]
    public void Read_835Example1_ReadsVersion4010ReversalStubAndNegativeAdjustments()
    {
        var document = X12Reader.Read(Bytes("835/Inteligenz__835_5010_Example1.txt"));
        var claims = Remittance835Parser.Parse(document).Claims.ToList();

        Assert.Equal(3, document.Interchanges[0].ByteOffset);
        Assert.Equal(("00401", null), (document.Interchanges[0].Version, document.Interchanges[0].Separators.Repetition));
        Assert.Equal(10, claims.Count);
        Assert.Equal<string>(["123456", "090909", "090909"], claims.Where(c => c.IsReversal).Select(c => c.ClaimId));

        // CLP*090909*22~ carries no amounts at all: a reversal stub read as zero.
        Assert.Equal((0m, 0m), (claims[^1].Charge, claims[^1].Paid));
        Assert.Empty(claims[^1].Lines);
        Assert.Equal<string>(["HF", "99", "H9"], claims[6].Lines[0].Modifiers);
        Assert.Contains(new Adjustment("OA", "23", -1.08m, 0m), claims[4].Lines[0].Adjustments);
    }

    [SharedCorpusFact]
    public void Read_835ExampleFromNth_ReadsThreeInterchangesAfterAByteOrderMark()
    {
        var file = Remittance835Parser.Read(Bytes("835/Inteligenz__835_5010_ExampleFromNth.txt"));

        Assert.Equal<string>(["8001", "9001", "10001"], file.Transactions.Select(t => t.ControlNumber));
        Assert.Equal<int>([19, 23, 14], file.Transactions.Select(t => t.Claims.Length));
        Assert.Equal(91, file.Claims.Sum(c => c.Lines.Length));
        Assert.Equal(62, file.Claims.SelectMany(c => c.Lines).Count(l => l.LineControlNumber is null));
    }

    [SharedCorpusFact]
    public void Read_837DeIdent05_Reads186ClaimsWithARef6ROnEveryLine()
    {
        var transaction = Assert.Single(X12Reader.Read(Bytes("837p/Inteligenz__837_DeIdent_05.dat")).Transactions);

        Assert.Equal("837", transaction.TransactionSetId);
        Assert.Equal(186, transaction.Segments.Count(s => s.Id == "CLM"));
        Assert.Equal(687, transaction.Segments.Count(s => s.Id == "SV1"));
        var lineLoops = LineLoops(transaction.Segments).ToList();
        Assert.Equal(687, lineLoops.Count);
        Assert.All(lineLoops, loop => Assert.Contains(loop, s => s.Id == "REF" && s.Element(1) == "6R"));
    }

    [SharedCorpusFact]
    public void Read_837Utf16_FailsSayingItIsUtf16()
    {
        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(Bytes("837p/Inteligenz__837P_5010_UnicodeExample.txt")));

        Assert.Equal("not X12: the file is UTF-16 text (a NUL byte at byte 1); X12 must be ASCII or UTF-8. Save it as ASCII/UTF-8 and try again.", ex.Message);
    }

    [SharedCorpusTheory]
    [InlineData("837p/Inteligenz__837P_5010_Example1_2_And_3_Combined.txt", 2, 3, '~', '^')]
    [InlineData("837p/Inteligenz__837P_5010_MedicaidExample.txt", 1, 5, '~', '|')]
    [InlineData("837p/Inteligenz__837P_5010_ST1309-XX.txt", 1, 1, '\r', '^')]
    public void Read_837Sample_ReadsTransactionsAndClaims(string file, int transactions, int claims, char terminator, char repetition)
    {
        var document = X12Reader.Read(Bytes(file));

        Assert.Equal(transactions, document.Transactions.Count());
        Assert.Equal(claims, document.Transactions.Sum(t => t.Segments.Count(s => s.Id == "CLM")));
        Assert.Equal((terminator, repetition), (document.Interchanges[0].Separators.Segment, document.Interchanges[0].Separators.Repetition!.Value));
    }

    private static byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(SharedCorpus.X12, relativePath));

    /// <summary>The 2400 service line loops of an 837: from each LX up to the next LX, HL, CLM or SE.</summary>
    private static IEnumerable<List<X12Segment>> LineLoops(IEnumerable<X12Segment> segments)
    {
        List<X12Segment>? current = null;
        foreach (var segment in segments)
        {
            if (segment.Id is "LX" or "HL" or "CLM" or "SE" && current is not null)
            {
                yield return current;
                current = null;
            }

            if (segment.Id == "LX")
            {
                current = [];
            }

            current?.Add(segment);
        }
    }
}
