using Scrubber.X12.Remittance;
using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Remittances;

/// <summary>azoner/pyx12's 835 with several SVC loops under one denied claim.</summary>
public sealed class AzonerRemittanceTests
{
    private static readonly RemittanceFile Parsed = Remittance835Parser.Read(X12Fixtures.Bytes("835/azoner__835_mult_loops.txt"));

    [Fact]
    public void Read_MultLoops_ReadsTheDeniedClaimAndItsHeader()
    {
        var remittance = Assert.Single(Parsed.Transactions);
        Assert.Equal(("PAYER", null, "000000000"), (remittance.PayerName, remittance.PayeeNpi, remittance.TraceNumber));
        Assert.Equal((0m, new DateOnly(2004, 10, 28)), (remittance.PaymentAmount, remittance.PaymentDate));

        var claim = Assert.Single(remittance.Claims);
        Assert.Equal(("2005555A", "4", 915.39m, 0m), (claim.ClaimId, claim.Status, claim.Charge, claim.Paid));
        Assert.Null(claim.PatientResponsibility);
        Assert.Equal(("MC", "4276512332"), (claim.FilingIndicator, claim.PayerClaimNumber));
        Assert.Empty(claim.Adjustments);
    }

    [Fact]
    public void Read_MultLoops_GivesEachLineItsOwnDateAdjustmentAndRemark()
    {
        var lines = Assert.Single(Parsed.Claims).Lines;

        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Equal("T1005", l.ProcedureCode));
        Assert.Equal<decimal?>([68m, 16m, 36m], lines.Select(l => l.Units));
        Assert.Equal<DateOnly?>([new(2003, 11, 29), new(2003, 10, 30), new(2003, 10, 31)], lines.Select(l => l.ServiceDate));
        Assert.Equal<Adjustment>(
            [new("CO", "16", 500.04m, null), new("OA", "A7", 127.8m, null), new("OA", "A7", 287.55m, null)],
            lines.Select(l => Assert.Single(l.Adjustments)));
        Assert.All(lines, l => Assert.Equal<string>(["N14"], l.RemarkCodes));
        Assert.All(lines, l => Assert.Null(l.LineControlNumber));
    }
}
