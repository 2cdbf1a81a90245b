using System.Globalization;
using System.Text;
using Bogus;

namespace Scrubber.Generators;

/// <summary>Writes an 835 (005010X221A1) for given claim outcomes, with realistic envelopes, payer, payee and patient
/// details from Bogus; reproducible from its seed.</summary>
public sealed class Remittance835Writer(int seed = 835)
{
    private readonly Faker _faker = new() { Random = new Randomizer(seed) };

    /// <summary>The 835 text: one interchange, one transaction, the claims in order. Separators * : ^ ~ and a newline after each segment.</summary>
    public string Write(IReadOnlyList<RemitClaimSpec> claims, DateOnly paidOn, string payeeNpi = "1234567893")
    {
        var segments = new List<string>();
        var control = _faker.Random.Number(100000000, 999999999).ToString(CultureInfo.InvariantCulture);
        var payer = _faker.Company.CompanyName().ToUpperInvariant().Replace("*", string.Empty, StringComparison.Ordinal);
        var total = claims.Sum(c => c.Lines.Sum(l => l.Paid));
        var date = paidOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        segments.Add($"GS*HP*{Pad(payer, 8).Trim()}*SCRUBBER*{date}*1200*1*X*005010X221A1");
        segments.Add("ST*835*0001");
        segments.Add($"BPR*I*{Money(total)}*C*ACH*CCP*01*{_faker.Random.Replace("#########")}*DA*{_faker.Random.Replace("##########")}*1{_faker.Random.Replace("#########")}**01*{_faker.Random.Replace("#########")}*DA*{_faker.Random.Replace("#######")}*{date}");
        segments.Add($"TRN*1*{_faker.Random.Replace("##########")}*1{_faker.Random.Replace("#########")}");
        segments.Add($"DTM*405*{date}");
        segments.Add($"N1*PR*{payer}");
        segments.Add($"N3*{_faker.Address.StreetAddress().ToUpperInvariant()}");
        segments.Add($"N4*{_faker.Address.City().ToUpperInvariant()}*{_faker.Address.StateAbbr()}*{_faker.Address.ZipCode("#####")}");
        segments.Add($"N1*PE*{_faker.Company.CompanyName().ToUpperInvariant()} MEDICAL GROUP*XX*{payeeNpi}");
        segments.Add("LX*1");
        foreach (var claim in claims)
        {
            WriteClaim(claim, segments);
        }

        segments.Add($"SE*{segments.Count}*0001");
        segments.Add("GE*1*1");
        segments.Add($"IEA*1*{control}");
        var isa = $"ISA*00*          *00*          *ZZ*{Pad("PAYER", 15)}*ZZ*{Pad("SCRUBBER", 15)}*{paidOn:yyMMdd}*1200*^*00501*{control}*0*T*:";
        var text = new StringBuilder().Append(isa).Append("~\n");
        foreach (var segment in segments)
        {
            text.Append(segment).Append("~\n");
        }

        return text.ToString();
    }

    private void WriteClaim(RemitClaimSpec claim, List<string> segments)
    {
        var charge = claim.Lines.Sum(l => l.Charge);
        var paid = claim.Lines.Sum(l => l.Paid);
        var patientResponsibility = claim.Lines.Sum(l => l.Adjustments.Where(a => a.Group == "PR").Sum(a => a.Amount));
        segments.Add($"CLP*{claim.ClaimId}*{claim.Status}*{Money(charge)}*{Money(paid)}*{Money(patientResponsibility)}*12*{claim.PayerClaimNumber}*11*1");
        var patient = claim.Patient ?? new RemitPatient(_faker.Name.LastName().ToUpperInvariant(), _faker.Name.FirstName().ToUpperInvariant(), _faker.Random.Replace("?########"));
        segments.Add($"NM1*QC*1*{patient.LastName}*{patient.FirstName}****MI*{patient.MemberId}");
        foreach (var line in claim.Lines)
        {
            var composite = string.Join(':', new[] { "HC", line.Code }.Concat(line.Modifiers));
            var original = line.OriginalCode is null ? string.Empty : $"*HC:{line.OriginalCode}";
            segments.Add($"SVC*{composite}*{Money(line.Charge)}*{Money(line.Paid)}**1{original}");
            segments.Add($"DTM*472*{line.ServiceDate:yyyyMMdd}");
            foreach (var group in line.Adjustments.GroupBy(a => a.Group))
            {
                segments.Add($"CAS*{group.Key}*" + string.Join('*', group.Select(a => $"{a.Reason}*{Money(a.Amount)}")));
            }

            if (line.LineId is not null)
            {
                segments.Add($"REF*6R*{line.LineId}");
            }

            if (line.Paid > 0)
            {
                segments.Add($"AMT*B6*{Money(line.Paid)}");
            }

            if (line.Adjustments.Any(a => a.Reason == "97"))
            {
                segments.Add("LQ*HE*M15");
            }

            foreach (var remark in line.Remarks.IsDefault ? [] : line.Remarks)
            {
                segments.Add($"LQ*HE*{remark}");
            }
        }
    }

    private static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Pad(string text, int width) => (text.Length > width ? text[..width] : text).PadRight(width);
}
