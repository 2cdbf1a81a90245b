using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;
using Scrubber.Server.Diagnostics;
using Scrubber.Server.Scrubbing;
using Proto = Scrubber.V1;

namespace Scrubber.Server.Grpc;

/// <summary>The ClaimScrubber gRPC service: validate and map the claim, run the scrub pipeline, map back.</summary>
internal sealed class ClaimScrubberService(
    ScrubPipeline pipeline,
    IOptions<ScrubOptions> options,
    ScrubberMetrics metrics,
    ILogger<ClaimScrubberService> logger) : Proto.ClaimScrubber.ClaimScrubberBase
{
    private const int StreamWindow = 64;

    public override async Task<Proto.ScrubClaimResponse> ScrubClaim(Proto.ScrubClaimRequest request, ServerCallContext context)
    {
        var claim = ClaimRequestMapper.TryMap(request.Claim, options.Value.ClaimLimits, out var violations)
            ?? throw InvalidArgument(violations);
        return await ScrubAsync(claim, context.CancellationToken).ConfigureAwait(false);
    }

    public override async Task ScrubClaims(
        IAsyncStreamReader<Proto.ScrubClaimRequest> requestStream,
        IServerStreamWriter<Proto.ScrubClaimResponse> responseStream,
        ServerCallContext context)
    {
        // Claims of a batch are scrubbed concurrently (so their audit records share group commits) and answered in
        // the order they came; the window bounds how far reading runs ahead of writing.
        var inFlight = Channel.CreateBounded<Task<Proto.ScrubClaimResponse>>(StreamWindow);
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
                {
                    await inFlight.Writer.WriteAsync(ScrubOneAsync(request, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                inFlight.Writer.Complete();
            }
        });

        await foreach (var pending in inFlight.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(await pending.ConfigureAwait(false), context.CancellationToken).ConfigureAwait(false);
        }

        await reading.ConfigureAwait(false);
    }

    private async Task<Proto.ScrubClaimResponse> ScrubOneAsync(Proto.ScrubClaimRequest request, CancellationToken cancellationToken)
    {
        var claim = ClaimRequestMapper.TryMap(request.Claim, options.Value.ClaimLimits, out var violations);
        if (claim is not null)
        {
            try
            {
                return await ScrubAsync(claim, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsDefect(ex))
            {
                // A defect on one claim must not end the batch: answer it in place, logged, and go on.
                var errorId = Guid.CreateVersion7().ToString();
                Log.CallDefect(logger, ex, "/scrubber.v1.ClaimScrubber/ScrubClaims", errorId);
                return new Proto.ScrubClaimResponse
                {
                    ClaimId = claim.ClaimId,
                    Error = $"The service failed on this claim. The error is logged with id {errorId}.",
                };
            }
        }

        // One bad claim in a batch must not lose the rest: answer it in place and go on.
        Rejected(violations);
        var response = new Proto.ScrubClaimResponse { ClaimId = request.Claim?.ClaimId ?? string.Empty };
        response.Violations.AddRange(violations.Select(v => new Proto.FieldViolation { Field = v.Field, Description = v.Description }));
        return response;
    }

    private async Task<Proto.ScrubClaimResponse> ScrubAsync(Claim claim, CancellationToken cancellationToken)
    {
        var (scrubId, result) = await pipeline.ScrubAsync(claim, cancellationToken).ConfigureAwait(false);
        return ScrubResponseMapper.ToResponse(scrubId, claim.ClaimId, result);
    }

    /// <summary>Whether an exception is a defect of one claim's scrub rather than the state of the service or the
    /// call (cancelled, deadline passed, store unavailable), which ends the stream as it would any call.</summary>
    private static bool IsDefect(Exception exception) =>
        exception is not (OperationCanceledException or RpcException or ScrubUnavailableException or Scrubber.Audit.AuditStoreException or Scrubber.Audit.AuditWriteException);

    private RpcException InvalidArgument(List<FieldViolation> violations)
    {
        Rejected(violations);
        return RpcErrors.InvalidArgument("The claim is invalid", violations);
    }

    private void Rejected(List<FieldViolation> violations)
    {
        metrics.Invalid();
        Log.ClaimInvalid(logger, violations.Count, violations[0].Field, violations[0].Description);
    }
}
