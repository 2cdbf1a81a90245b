using Scrubber.X12.Remittance;
using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Remittances;

/// <summary>keironstoddart/edi-835-parser's samples: a bare Blue Cross NC fragment and a UnitedHealthcare file using '>'.</summary>
public sealed class KeironstoddartRemittanceTests
{
    private const string BlueCross = "835/keironstoddart__835_blue_cross_nc_sample.txt";

    private static readonly RemittanceFile United =
        Remittance835Parser.Read(X12Fixtures.Bytes("835/keironstoddart__835_united_healthcare_legacy_sample.txt"));

    [Fact]
    public void Read_BlueCrossFragment_WarnsOfNoEnvelopeAndItsSegmentCount()
    {
        var file = Remittance835Parser.Read(X12Fixtures.Bytes(BlueCross));

        Assert.Equal([(X12WarningCodes.NoEnvelope, 0L, "ST"), (X12WarningCodes.SegmentCount, 692L, "SE")],
            file.Warnings.Select(w => (w.Code, w.ByteOffset, w.Segment)));
        Assert.Equal("the SE at byte 692 says transaction set 835 (ST at byte 0) has 33 segments, but it has 32 from ST to SE", file.Warnings[1].Message);
        Assert.StartsWith("the file is a bare ST…SE with no ISA/GS envelope (ST at byte 0)", file.Warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BlueCrossFragmentStrictly_FailsOnTheMissingEnvelope()
    {
        var ex = Assert.Throws<X12FormatException>(() => Remittance835Parser.Read(X12Fixtures.Bytes(BlueCross), new RemittanceOptions { Strict = true }));

        Assert.Equal((0L, "ST"), (ex.ByteOffset, ex.Segment));
        Assert.EndsWith("(refused: strict reading)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BlueCrossFragment_ReadsTheClaimWithoutEnvelope()
    {
        var file = Remittance835Parser.Read(X12Fixtures.Bytes(BlueCross));

        var remittance = Assert.Single(file.Transactions);
        Assert.Equal("BLUE CROSS AND BLUE SHIELD OF NORTH CAROLINA", remittance.PayerName);
        Assert.Equal(("0987654321", "02790758"), (remittance.PayeeNpi, remittance.TraceNumber));
        Assert.Equal((1922.86m, new DateOnly(2011, 1, 8)), (remittance.PaymentAmount, remittance.PaymentDate));
        var claim = Assert.Single(remittance.Claims);
        Assert.Equal(("200200964A52", "1", 2100m, 1922.86m, 142.54m), (claim.ClaimId, claim.Status, claim.Charge, claim.Paid, claim.PatientResponsibility));
        Assert.Equal(("15", "94151100100"), (claim.FilingIndicator, claim.PayerClaimNumber));
        Assert.False(claim.IsReversal);
    }

    [Fact]
    public void Read_BlueCrossFragment_ReadsOriginalProcedureFromSvc06AndLineControlNumbers()
    {
        var lines = Remittance835Parser.Read(X12Fixtures.Bytes(BlueCross)).Claims.Single().Lines;

        Assert.Equal<string>(["59430", "59440", "59426"], lines.Select(l => l.ProcedureCode));
        Assert.Equal<string?>(["59410", "59410", null], lines.Select(l => l.OriginalProcedureCode));
        Assert.Equal<string?>(["0001", "0002", "0003"], lines.Select(l => l.LineControlNumber));
        Assert.All(lines, l => Assert.Equal(new DateOnly(2010, 12, 31), l.ServiceDate));
        Assert.Equal<Adjustment>([new("CO", "42", 34.6m, null), new("PR", "2", 117.54m, null)], lines[0].Adjustments);
        Assert.Equal<Adjustment>([new("PR", "3", 25m, null)], lines[1].Adjustments);

        // SVC*HC:59426******742*742**1: SVC02 to SVC06 are empty; the claim totals (2100 = 1210 + 890) count the line as 0.
        Assert.Equal((0m, 0m, null), (lines[2].Charge, lines[2].Paid, lines[2].Units));
        Assert.Equal(2100m, lines.Sum(l => l.Charge));
    }

    [Fact]
    public void Read_UnitedHealthcare_ReadsGreaterThanComponentSeparator()
    {
        var remittance = Assert.Single(United.Transactions);

        Assert.Equal(("UNITED HEALTHCARE INSURANCE COMPANY", "1922164458"), (remittance.PayerName, remittance.PayeeNpi));
        Assert.Equal((349.99m, new DateOnly(2021, 2, 4), "1234567890"), (remittance.PaymentAmount, remittance.PaymentDate, remittance.TraceNumber));
        Assert.Equal<string>(["001-18573-358", "001-18604-358"], remittance.Claims.Select(c => c.ClaimId));
        Assert.Equal<string>(["B4152", "B4152", "B4154", "B4034", "B4154"], United.Claims.SelectMany(c => c.Lines).Select(l => l.ProcedureCode));
        Assert.All(United.Claims.SelectMany(c => c.Lines), l => Assert.Equal("HC", l.ProcedureQualifier));
    }

    [Fact]
    public void Read_UnitedHealthcare_ReadsClaimTotalsStatementDatesAndLineControlNumbers()
    {
        var claims = United.Claims.ToList();

        Assert.Equal((341.28m, 88.92m, 105.26m), (claims[0].Charge, claims[0].Paid, claims[0].PatientResponsibility));
        Assert.Equal((816.24m, 261.07m, 115.13m), (claims[1].Charge, claims[1].Paid, claims[1].PatientResponsibility));
        Assert.Equal<string?>(["ATL2819897200", "ATL2819897800"], claims.Select(c => c.PayerClaimNumber));
        Assert.Equal((new DateOnly(2020, 12, 21), new DateOnly(2021, 1, 13)), (claims[0].StatementFrom!.Value, claims[0].StatementTo!.Value));
        Assert.Equal<string?>(
            ["800941258001", "800941258002", "123456789012", "123456789013", "123456789014"],
            claims.SelectMany(c => c.Lines).Select(l => l.LineControlNumber));
        Assert.Equal<decimal?>([234m, 277m, 249m, 12m, 178m], claims.SelectMany(c => c.Lines).Select(l => l.Units));
        Assert.Equal<DateOnly?>([new(2020, 12, 21), new(2021, 1, 1)], claims[0].Lines.Select(l => l.ServiceDate));
    }

    [Fact]
    public void Read_UnitedHealthcare_FlattensEveryReasonTripletOfARepeatedCas()
    {
        var lines = United.Claims.SelectMany(c => c.Lines).ToList();

        Assert.Equal<Adjustment>([new("CO", "45", 67.5m, null)], lines[0].Adjustments);
        Assert.Equal<Adjustment>([new("PR", "1", 105.26m, null), new("CO", "45", 79.6m, null)], lines[1].Adjustments);
        Assert.Empty(lines[3].Adjustments);

        // CAS*PR*2*5.13**1*110 then CAS*CO*45*184.32: two triplets in the first CAS, one in the second.
        Assert.Equal<Adjustment>([new("PR", "2", 5.13m, null), new("PR", "1", 110m, null), new("CO", "45", 184.32m, null)], lines[4].Adjustments);
    }
}
