using Scrubber.X12.Remittance;
using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Remittances;

/// <summary>The X12 TR3 (005010X221A1) examples as published by LinuxForHealth/x12.</summary>
public sealed class LinuxForHealthRemittanceTests
{
    [Fact]
    public void Read_ManagedCare_ReadsPaymentHeaderAndBothClaims()
    {
        var file = Remittance835Parser.Read(X12Fixtures.Bytes("835/LinuxForHealth__managed-care.835"));

        var remittance = Assert.Single(file.Transactions);
        Assert.Equal("112233", remittance.ControlNumber);
        Assert.Equal("RUSHMORE LIFE", remittance.PayerName);
        Assert.Equal("5544667733", remittance.PayeeNpi);
        Assert.Equal("7170066655", remittance.TraceNumber);
        Assert.Equal(945.00m, remittance.PaymentAmount);

        // BPR16 is 20002316 in the TR3 example itself: month 23, so the payment date is unknown rather than an error.
        Assert.Null(remittance.PaymentDate);
        Assert.Equal<string>(["5554555444", "8765432112"], remittance.Claims.Select(c => c.ClaimId));
    }

    [Fact]
    public void Read_ManagedCare_SplitsClaimAndLineAdjustmentsAtTheFirstSvc()
    {
        var claims = Remittance835Parser.Read(X12Fixtures.Bytes("835/LinuxForHealth__managed-care.835")).Claims.ToList();

        var first = claims[0];
        Assert.Equal("1", first.Status);
        Assert.Equal((800.00m, 450.00m, 300.00m), (first.Charge, first.Paid, first.PatientResponsibility));
        Assert.Equal(("12", "94060555410000"), (first.FilingIndicator, first.PayerClaimNumber));
        Assert.Equal<Adjustment>([new("CO", "A2", 50.00m, null)], first.Adjustments);
        var line = Assert.Single(first.Lines);
        Assert.Equal(("HC", "99211", 800.00m, 500.00m), (line.ProcedureQualifier, line.ProcedureCode, line.Charge, line.Paid));
        Assert.Equal(new DateOnly(2002, 3, 1), line.ServiceDate);
        Assert.Null(line.LineControlNumber);
        Assert.Equal<Adjustment>([new("PR", "1", 300.00m, null)], line.Adjustments);

        var second = Assert.Single(claims[1].Lines);
        Assert.Equal<Adjustment>([new("CO", "A2", 55.00m, null)], claims[1].Adjustments);
        Assert.Equal(("93555", new DateOnly(2002, 3, 10)), (second.ProcedureCode, second.ServiceDate));
        Assert.Equal<Adjustment>([new("PR", "1", 600.00m, null), new("CO", "45", 50.00m, null)], second.Adjustments);
    }

    [Fact]
    public void Read_SecondaryPayment_RefusesSvc01WrittenWithAnotherComponentSeparator()
    {
        var bytes = X12Fixtures.Bytes("835/LinuxForHealth__secondary-payment.835");

        var ex = Assert.Throws<X12FormatException>(() => Remittance835Parser.Read(bytes));

        // ISA16 declares ':' but the example writes SVC*HC>12345>26: the code cannot be told from the qualifier.
        Assert.Equal("SVC01 'HC>12345>26' in the SVC at byte 846 has no procedure code after its qualifier; " +
            "the component separator of this interchange (ISA16) is ':'", ex.Message);
        Assert.Equal(846, ex.ByteOffset);
        Assert.Equal("SVC", ex.Segment);
    }

    [Fact]
    public void Read_SecondaryPaymentAsX12_KeepsEveryClaimSegment()
    {
        var transaction = Assert.Single(X12Fixtures.Read("835/LinuxForHealth__secondary-payment.835").Transactions);

        var claims = transaction.Segments.Where(s => s.Id == "CLP").ToList();
        Assert.Equal<string>(["L0004828311", "0001000053"], claims.Select(c => c.Element(1)));
        Assert.Equal<string>(["2", "2"], claims.Select(c => c.Element(2)));
        Assert.Equal<string>(["HC>12345>26", "HC>66543>26"], transaction.Segments.Where(s => s.Id == "SVC").Select(s => s.Element(1)));
        Assert.Equal("CAS*PR*1*150.00**2*70.00", transaction.Segments.First(s => s.Id == "CAS" && s.Element(1) == "PR").ToString());
    }
}
