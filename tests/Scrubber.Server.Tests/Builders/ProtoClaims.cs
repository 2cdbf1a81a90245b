using Scrubber.V1;

namespace Scrubber.Server.Tests.Builders;

/// <summary>Builds protobuf claims as a PM system would send them.</summary>
public static class ProtoClaims
{
    public const string BillingNpi = "1234567893";

    /// <summary>A claim with one line per code, ids L1.., all on <paramref name="date"/>; a code may carry modifiers as "0030U-59-RT".</summary>
    public static Claim Of(string date, params string[] codes)
    {
        var claim = new Claim
        {
            ClaimId = "CLM-" + Guid.NewGuid().ToString("N")[..8],
            PayerId = "MEDICARE",
            PatientId = "PAT-" + Guid.NewGuid().ToString("N")[..10],
            BillingProviderNpi = BillingNpi,
            Setting = Setting.Professional,
        };
        for (var i = 0; i < codes.Length; i++)
        {
            var parts = codes[i].Split('-');
            var line = new ClaimLine
            {
                LineId = $"L{i + 1}",
                ProcedureCode = parts[0],
                ServiceDate = date,
                Charge = "100.00",
                Units = 1,
            };
            line.Modifiers.AddRange(parts.Skip(1));
            line.DiagnosisCodes.Add("Z23");
            claim.Lines.Add(line);
        }

        return claim;
    }

    public static ScrubClaimRequest Request(this Claim claim) => new() { Claim = claim };

    /// <summary>Makes the claim another of <paramref name="patientId"/>'s, so it pairs with what was sent for them.</summary>
    public static Claim ForPatient(this Claim claim, string patientId)
    {
        claim.PatientId = patientId;
        return claim;
    }

    /// <summary>Sends the claim to <paramref name="payerId"/>, so its pack runs.</summary>
    public static Claim ForPayer(this Claim claim, string payerId)
    {
        claim.PayerId = payerId;
        return claim;
    }
}
