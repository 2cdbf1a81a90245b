using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Scrubber.Audit;
using Scrubber.Audit.Outcomes;
using Scrubber.Server.Audit;
using Scrubber.Server.Outcomes;
using Proto = Scrubber.V1;
using RpcStatus = Grpc.Core.Status;

namespace Scrubber.Server.Grpc;

/// <summary>The Outcomes gRPC service: which scrub was sent, what the 835 said, how denials are worked.</summary>
internal sealed class OutcomesService(AuditStoreHost audit, RemittanceIngester ingester, IOptions<OutcomesOptions> options, TimeProvider time) : Proto.Outcomes.OutcomesBase
{
    public override async Task<Proto.ConfirmSubmissionResponse> ConfirmSubmission(Proto.ConfirmSubmissionRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.ScrubId))
        {
            throw Invalid("scrub_id", "is required");
        }

        var claimId = await audit.Store.ConfirmSubmissionAsync(request.ScrubId, time.GetUtcNow(), context.CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new RpcStatus(StatusCode.NotFound, $"No scrub has id '{request.ScrubId}'."));
        return new Proto.ConfirmSubmissionResponse { ClaimId = claimId };
    }

    public override async Task<Proto.IngestRemittanceResponse> IngestRemittance(Proto.IngestRemittanceRequest request, ServerCallContext context)
    {
        var limit = options.Value.MaxRemittanceBytes;
        if (request.Content.Length > limit)
        {
            throw Invalid("content", $"is {request.Content.Length} bytes; at most {limit} are accepted (setting Outcomes:MaxRemittanceBytes). Split the file by transaction.");
        }

        var (result, file) = await ingester.IngestAsync(request.Content.Memory, request.FileName, context.CancellationToken).ConfigureAwait(false);
        return RemittanceResponseMapper.ToResponse(result, file.Warnings);
    }

    public override Task<Proto.ListUnmatchedResponse> ListUnmatched(Proto.ListUnmatchedRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.FileId))
        {
            throw Invalid("file_id", "is required: the file_id an IngestRemittance answer gave");
        }

        var list = audit.Store.ListUnmatched(request.FileId)
            ?? throw new RpcException(new RpcStatus(StatusCode.NotFound, $"No ingested 835 has file id '{request.FileId}'."));
        return Task.FromResult(RemittanceResponseMapper.ToResponse(list));
    }

    public override async Task<Proto.UpdateResolutionResponse> UpdateResolution(Proto.UpdateResolutionRequest request, ServerCallContext context)
    {
        var resolution = ResolutionOf(request);
        var scrubId = await audit.Store.UpdateResolutionAsync(resolution, time.GetUtcNow(), context.CancellationToken).ConfigureAwait(false);
        return new Proto.UpdateResolutionResponse { ScrubId = scrubId };
    }

    private static Resolution ResolutionOf(Proto.UpdateResolutionRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ClaimId))
        {
            throw Invalid("claim_id", "is required");
        }

        if (string.IsNullOrWhiteSpace(request.LineId))
        {
            throw Invalid("line_id", "is required");
        }

        var status = request.Status switch
        {
            Proto.ResolutionStatus.CorrectedClaimSent => ResolutionStatus.CorrectedClaimSent,
            Proto.ResolutionStatus.Appealed => ResolutionStatus.Appealed,
            Proto.ResolutionStatus.Recovered => ResolutionStatus.Recovered,
            Proto.ResolutionStatus.WrittenOff => ResolutionStatus.WrittenOff,
            _ => throw Invalid("status", "must be CORRECTED_CLAIM_SENT, APPEALED, RECOVERED or WRITTEN_OFF"),
        };
        decimal? amount = null;
        if (request.Amount.Length > 0)
        {
            amount = request.Amount.Length <= 14 &&
                     decimal.TryParse(request.Amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars) &&
                     dollars.Scale <= 2 && dollars <= Money.MaxDollars
                ? dollars
                : throw Invalid("amount", $"'{Clip(request.Amount)}' is not a dollar amount such as 120.00 (at most {Money.MaxDollars.ToString(CultureInfo.InvariantCulture)})");
        }

        if (!DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Invalid("date", $"'{request.Date}' is not a YYYY-MM-DD date");
        }

        return new Resolution(request.ClaimId, request.LineId, status, amount, date, request.Note);
    }

    private static RpcException Invalid(string field, string description) => RpcErrors.InvalidArgument(field, description);

    private static string Clip(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
