using System.Collections.Immutable;

namespace Scrubber.X12.Remittance.Internal;

/// <summary>Parses one 835 transaction set into a <see cref="Remittance"/>, walking its segments once.</summary>
/// <remarks>
/// Loops are told apart by segment id alone, which holds for 4010 and 5010 alike: CLP opens a claim, SVC a line,
/// and LX (a new header number), PLB (provider adjustments) or SE end the claim in progress.
/// </remarks>
internal static class TransactionParser
{
    public static Remittance Parse(X12Transaction transaction, ParseContext context)
    {
        var claims = ImmutableArray.CreateBuilder<ClaimPayment>();
        ClaimBuilder? claim = null;
        X12Segment? bpr = null;
        string? payerName = null, payeeNpi = null, trace = null;
        foreach (var segment in transaction.Segments)
        {
            switch (segment.Id)
            {
                case "BPR":
                    bpr ??= segment;
                    break;
                case "TRN":
                    trace ??= ElementValues.Text(segment, 2);
                    break;
                case "N1" when claim is null && segment.Element(1) == "PR":
                    payerName ??= ElementValues.Text(segment, 2);
                    break;
                case "N1" when claim is null && segment.Element(1) == "PE" && segment.Element(3) == "XX":
                    payeeNpi ??= ElementValues.Text(segment, 4);
                    break;
                case "CLP":
                    Finish(ref claim, claims);
                    claim = new ClaimBuilder(segment, context);
                    break;
                case "SVC":
                    InClaim(claim, segment).StartLine(segment);
                    break;
                case "CAS":
                    InClaim(claim, segment).Adjust(segment);
                    break;
                case "DTM":
                    claim?.Date(segment);
                    break;
                case "REF":
                    claim?.Reference(segment);
                    break;
                case "LQ":
                    claim?.Remark(segment);
                    break;
                case "LX" or "PLB" or "SE":
                    Finish(ref claim, claims);
                    break;
            }
        }

        if (bpr is null)
        {
            throw new X12FormatException(
                $"the 835 that starts with ST at byte {transaction.ByteOffset} has no BPR segment (payment amount)",
                transaction.ByteOffset,
                "ST");
        }

        return new Remittance(
            transaction.ControlNumber,
            payerName,
            payeeNpi,
            trace,
            ElementValues.RequiredAmount(bpr, 2),

            // The payment date is informational (claims are matched by id) and the X12 TR3 example in LinuxForHealth's
            // managed-care.835 carries BPR16 20002316 (month 23), so an impossible date reads as unknown, not as an error.
            ElementValues.DateOrNull(bpr, 16),
            claims.DrainToImmutable(),
            transaction.ByteOffset);
    }

    private static ClaimBuilder InClaim(ClaimBuilder? claim, X12Segment segment) => claim ?? throw new X12FormatException(
        $"the {segment.Id} at byte {segment.ByteOffset} is not inside a claim: expected a CLP before it",
        segment.ByteOffset,
        segment.Id);

    private static void Finish(ref ClaimBuilder? claim, ImmutableArray<ClaimPayment>.Builder claims)
    {
        if (claim is not null)
        {
            claims.Add(claim.Build());
            claim = null;
        }
    }
}
