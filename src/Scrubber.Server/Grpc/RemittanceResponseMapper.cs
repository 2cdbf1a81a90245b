using System.Globalization;
using Scrubber.Audit.Outcomes;
using Proto = Scrubber.V1;

namespace Scrubber.Server.Grpc;

/// <summary>Maps what an ingestion did to the protobuf response.</summary>
internal static class RemittanceResponseMapper
{
    public static Proto.IngestRemittanceResponse ToResponse(IngestResult result)
    {
        var response = new Proto.IngestRemittanceResponse
        {
            FileId = result.Sha256,
            Duplicate = result.Duplicate,
            Claims = result.Claims,
            Lines = result.Lines,
            MatchedClaims = result.MatchedClaims,
            MatchedLines = result.MatchedLines,
            DeniedLines = result.DeniedLines,
            Reversals = result.Reversals,
        };
        response.UnmatchedClaims.AddRange(result.UnmatchedClaims.Select(c => new Proto.UnmatchedClaim
        {
            ClaimId = c.ClaimId,
            PayerClaimNumber = c.PayerClaimNumber,
            Reason = c.Reason,
        }));
        response.UnmatchedLines.AddRange(result.UnmatchedLines.Select(l => new Proto.UnmatchedLine
        {
            ClaimId = l.ClaimId,
            LineControlNumber = l.LineControlNumber,
            ProcedureCode = l.ProcedureCode,
            ServiceDate = l.ServiceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            Reason = l.Reason,
        }));
        return response;
    }
}
