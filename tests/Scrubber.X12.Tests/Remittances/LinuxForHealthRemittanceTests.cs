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
    public void Read_SecondaryPayment_ReadsSvc01WrittenWithAnotherComponentSeparatorAndWarns()
    {
        var file = Remittance835Parser.Read(X12Fixtures.Bytes("835/LinuxForHealth__secondary-payment.835"));

        // ISA16 declares ':' but both SVC01s are written HC>code>26: each is read with '>' and named in a warning.
        Assert.Equal([(X12WarningCodes.ComponentSeparator, 846L, "SVC"), (X12WarningCodes.ComponentSeparator, 947L, "SVC")],
            file.Warnings.Select(w => (w.Code, w.ByteOffset, w.Segment)));
        Assert.Equal("SVC01 'HC>12345>26' in the SVC at byte 846 separates its components with '>', not the ':' ISA16 declares; it was read with '>'",
            file.Warnings[0].Message);
    }

    [Fact]
    public void Read_SecondaryPayment_ReadsBothClaimsTheirLinesAndAdjustmentsAsWritten()
    {
        var file = Remittance835Parser.Read(X12Fixtures.Bytes("835/LinuxForHealth__secondary-payment.835"));

        var remittance = Assert.Single(file.Transactions);
        Assert.Equal(("YOUR TAX DOLLARS AT WORK", null, "0012524965"), (remittance.PayerName, remittance.PayeeNpi, remittance.TraceNumber));

        // BPR*I*1222.00*C*CHK***********20050412 puts the date in BPR15, not BPR16: the payment date is unknown.
        Assert.Equal((1222.00m, (DateOnly?)null), (remittance.PaymentAmount, remittance.PaymentDate));

        // CLP*L0004828311*2*10323.64*912.00**12*05090256390*11*1 with CAS*OA*23*9411.64 and no service line.
        var first = remittance.Claims[0];
        Assert.Equal(("L0004828311", "2", 10323.64m, 912.00m, (decimal?)null), (first.ClaimId, first.Status, first.Charge, first.Paid, first.PatientResponsibility));
        Assert.Equal(("12", "05090256390"), (first.FilingIndicator, first.PayerClaimNumber));
        Assert.Equal<Adjustment>([new("OA", "23", 9411.64m, null)], first.Adjustments);
        Assert.Empty(first.Lines);
        Assert.Equal((new DateOnly(2005, 3, 3), new DateOnly(2005, 3, 4)), (first.StatementFrom!.Value, first.StatementTo!.Value));

        // CLP*0001000053*2*751.50*310.00*220.00*12*05630626430, then SVC*HC>12345>26*166.50*30.00**1.00 and
        // SVC*HC>66543>26*585.00*280.00*220*1.00, each on 2005-01-06 with REF*1B (no REF*6R).
        var second = remittance.Claims[1];
        Assert.Equal(("0001000053", 751.50m, 310.00m, (decimal?)220.00m, "05630626430"), (second.ClaimId, second.Charge, second.Paid, second.PatientResponsibility, second.PayerClaimNumber));
        Assert.Empty(second.Adjustments);
        Assert.Equal([("HC", "12345", "26", 166.50m, 30.00m, (string?)null, (decimal?)1.00m), ("HC", "66543", "26", 585.00m, 280.00m, "220", 1.00m)],
            second.Lines.Select(l => (l.ProcedureQualifier, l.ProcedureCode, string.Join(' ', l.Modifiers), l.Charge, l.Paid, l.RevenueCode, l.Units)));
        Assert.All(second.Lines, l => Assert.Equal((new DateOnly(2005, 1, 6), (string?)null), (l.ServiceDate!.Value, l.LineControlNumber)));
        Assert.Equal<Adjustment>([new("OA", "23", 136.50m, null)], second.Lines[0].Adjustments);
        Assert.Equal<Adjustment>([new("PR", "1", 150.00m, null), new("PR", "2", 70.00m, null), new("CO", "42", 85.00m, null)], second.Lines[1].Adjustments);
    }

    [Fact]
    public void Read_SecondaryPaymentStrictly_RefusesTheOtherComponentSeparator()
    {
        var ex = Assert.Throws<X12FormatException>(() =>
            Remittance835Parser.Read(X12Fixtures.Bytes("835/LinuxForHealth__secondary-payment.835"), new RemittanceOptions { Strict = true }));

        Assert.Equal((846L, "SVC"), (ex.ByteOffset, ex.Segment));
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
