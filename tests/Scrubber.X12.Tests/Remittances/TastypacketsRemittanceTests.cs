using Scrubber.X12.Remittance;
using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Remittances;

/// <summary>tastypackets/x12-parser's New York Medicaid (eMedNY) 835: one file, the same without '~', and 156 copies.</summary>
public sealed class TastypacketsRemittanceTests
{
    private static readonly RemittanceFile Profee = Remittance835Parser.Read(X12Fixtures.Bytes("835/tastypackets__835_profee.edi"));

    [Fact]
    public void Read_Profee_ReadsPaymentHeader()
    {
        var remittance = Assert.Single(Profee.Transactions);

        Assert.Equal(("1740", "NYSDOH", "9999999995", "10100000000"), (remittance.ControlNumber, remittance.PayerName, remittance.PayeeNpi, remittance.TraceNumber));
        Assert.Equal((45.75m, new DateOnly(2010, 1, 1)), (remittance.PaymentAmount, remittance.PaymentDate));
    }

    [Fact]
    public void Read_Profee_ReadsThreeClaimsThatShareOneClaimId()
    {
        var claims = Profee.Claims.ToList();

        Assert.All(claims, c => Assert.Equal("PATIENT ACCOUNT NUMBER", c.ClaimId));
        Assert.Equal<string>(["1", "2", "2"], claims.Select(c => c.Status));
        Assert.Equal<decimal>([34.25m, 34m, 34.25m], claims.Select(c => c.Charge));
        Assert.Equal<decimal>([34.25m, 0m, 11.5m], claims.Select(c => c.Paid));
        Assert.Equal<string?>(["1000210000000030", "1000220000000020", "1000230000000020"], claims.Select(c => c.PayerClaimNumber));
        Assert.All(claims, c => Assert.Equal((new DateOnly(2010, 1, 1), new DateOnly(2010, 1, 1)), (c.StatementFrom!.Value, c.StatementTo!.Value)));
        Assert.Equal<int>([4, 2, 4], claims.Select(c => c.Lines.Length));
        Assert.All(claims, c => Assert.Empty(c.Adjustments));
    }

    [Fact]
    public void Read_Profee_ReadsLineCodesModifiersUnitsAndDates()
    {
        var first = Profee.Claims.First().Lines;

        Assert.Equal<string>(["V2020", "V2700", "V2103", "S0580"], first.Select(l => l.ProcedureCode));
        Assert.Equal<string>(["RB"], first[0].Modifiers);
        Assert.Empty(first[3].Modifiers);
        Assert.Equal<decimal?>([1m, 1m, 1m, 2m], first.Select(l => l.Units));
        Assert.Equal((20m, 20m), (first[3].Charge, first[3].Paid));
        Assert.All(first, l => Assert.Equal(new DateOnly(2010, 1, 1), l.ServiceDate));
        Assert.All(Profee.Claims.SelectMany(c => c.Lines), l => Assert.Null(l.LineControlNumber));
    }

    [Fact]
    public void Read_Profee_PutsEachCasOnItsLine()
    {
        var claims = Profee.Claims.ToList();

        var denied = claims[1].Lines;
        Assert.Equal<Adjustment>([new("CO", "29", 12m, null)], denied[0].Adjustments);
        Assert.Equal<Adjustment>([new("CO", "29", 22m, null)], denied[1].Adjustments);
        var partly = claims[2].Lines;
        Assert.Equal(new DateOnly(2013, 9, 17), partly[1].ServiceDate);
        Assert.Empty(partly[1].Adjustments);
        Assert.Equal<Adjustment>([new("CO", "251", 2.75m, null)], partly[2].Adjustments);
        Assert.Equal<Adjustment>([new("CO", "251", 20m, null)], partly[3].Adjustments);
        Assert.Equal<string>(["N206"], partly[3].RemarkCodes);
    }

    [Fact]
    public void Read_NewlineTerminatedCopy_ParsesExactlyLikeTheTildeFile()
    {
        var newline = Remittance835Parser.Read(X12Fixtures.Bytes("835/tastypackets__835_multi-line-not-delimited.edi"));

        Assert.Equal(3, newline.Claims.Count());
        Assert.Equal(RemittanceJson.Write(Profee), RemittanceJson.Write(newline));
    }

    [Fact]
    public void Read_156Interchanges_ParsesEveryTransactionLikeTheSingleFile()
    {
        var many = Remittance835Parser.Read(X12Fixtures.Bytes("835/tastypackets__835_profee-multiple.edi"));

        Assert.Equal(156, many.Transactions.Length);
        Assert.Equal(468, many.Claims.Count());
        Assert.Equal(1560, many.Claims.Sum(c => c.Lines.Length));
        var single = RemittanceJson.Write(Profee);
        Assert.All(many.Transactions, t => Assert.Equal(single, RemittanceJson.Write(new RemittanceFile([t]))));
        // One interchange per 1814-byte line, its ST 164 bytes in (this copy has no line break between segments).
        Assert.Equal(1814 + 164, many.Transactions[1].ByteOffset);
    }
}
