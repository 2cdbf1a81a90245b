using System.Collections.Immutable;
using System.Globalization;
using Scrubber.Generators;
using Scrubber.V1;

namespace Scrubber.Server.Tests.Builders;

/// <summary>What an 835 says about claims that were sent: paid, or the second line denied CO-97.</summary>
public static class RemitSpecs
{
    public static RemitClaimSpec Paid(Claim claim) =>
        new(claim.ClaimId, "1", "ICN-" + claim.ClaimId, [.. claim.Lines.Select(l => Line(l, paid: true))]);

    public static RemitClaimSpec DeniedSecondLine(Claim claim, string icn, bool dropLineId = false) =>
        new(claim.ClaimId, "1", icn, [Line(claim.Lines[0], paid: true), Line(claim.Lines[1], paid: false) with { LineId = dropLineId ? null : claim.Lines[1].LineId }]);

    private static RemitLineSpec Line(ClaimLine line, bool paid)
    {
        var charge = decimal.Parse(line.Charge, CultureInfo.InvariantCulture);
        ImmutableArray<(string, string, decimal)> adjustments = paid ? [("CO", "45", charge * 0.2m)] : [("CO", "97", charge)];
        return new RemitLineSpec(line.LineId, line.ProcedureCode, [.. line.Modifiers], DateOnly.Parse(line.ServiceDate, CultureInfo.InvariantCulture),
            charge, paid ? charge * 0.8m : 0m, adjustments);
    }
}
