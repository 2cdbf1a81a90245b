using Google.Protobuf.Collections;
using Scrubber.V1;

namespace Scrubber.Cli;

/// <summary>One line per claim or line an 835 could not tie to a sent scrub, the same for <c>remit ingest</c> and
/// <c>remit unmatched</c>.</summary>
internal static class UnmatchedText
{
    public static string Claim(UnmatchedClaim claim) =>
        $"unmatched claim {claim.ClaimId} (payer claim {claim.PayerClaimNumber}): {claim.Reason}";

    public static string Line(UnmatchedLine line) =>
        $"unmatched line {line.ClaimId}/{(line.LineControlNumber.Length > 0 ? line.LineControlNumber : "-")} {line.ProcedureCode} {line.ServiceDate}: {line.Reason}";

    public static async Task WriteAsync(RepeatedField<UnmatchedClaim> claims, RepeatedField<UnmatchedLine> lines, string indent, CliConsole console)
    {
        foreach (var claim in claims)
        {
            await console.Out.WriteLineAsync(indent + Claim(claim)).ConfigureAwait(false);
        }

        foreach (var line in lines)
        {
            await console.Out.WriteLineAsync(indent + Line(line)).ConfigureAwait(false);
        }
    }
}
