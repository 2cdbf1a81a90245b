using System.Collections.Immutable;
using System.Globalization;
using Scrubber.Audit.Outcomes;
using Scrubber.X12;
using Proto = Scrubber.V1;

namespace Scrubber.Server.Grpc;

/// <summary>Maps what an ingestion did, and the unmatched items of a file, to the protobuf responses.</summary>
internal static class RemittanceResponseMapper
{
    public static Proto.IngestRemittanceResponse ToResponse(IngestResult result, ImmutableArray<X12Warning> warnings)
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
            UnmatchedClaimCount = result.UnmatchedClaimCount,
            UnmatchedLineCount = result.UnmatchedLineCount,
        };
        response.UnmatchedClaims.AddRange(result.UnmatchedClaims.Select(ToProto));
        response.UnmatchedLines.AddRange(result.UnmatchedLines.Select(ToProto));
        response.DenialsByFamily.Add(result.DenialsByFamily);
        response.Warnings.AddRange(warnings.Select(w => new Proto.RemittanceWarning
        {
            Code = w.Code,
            Message = w.Message,
            ByteOffset = w.ByteOffset,
            Segment = w.Segment ?? string.Empty,
        }));
        return response;
    }

    public static Proto.ListUnmatchedResponse ToResponse(UnmatchedList list)
    {
        var response = new Proto.ListUnmatchedResponse { FileId = list.Sha256 };
        response.UnmatchedClaims.AddRange(list.Claims.Select(ToProto));
        response.UnmatchedLines.AddRange(list.Lines.Select(ToProto));
        return response;
    }

    private static Proto.UnmatchedClaim ToProto(UnmatchedRemitClaim claim) => new()
    {
        ClaimId = claim.ClaimId,
        PayerClaimNumber = claim.PayerClaimNumber,
        Reason = claim.Reason,
    };

    private static Proto.UnmatchedLine ToProto(UnmatchedRemitLine line) => new()
    {
        ClaimId = line.ClaimId,
        LineControlNumber = line.LineControlNumber,
        ProcedureCode = line.ProcedureCode,
        ServiceDate = line.ServiceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        Reason = line.Reason,
    };
}
