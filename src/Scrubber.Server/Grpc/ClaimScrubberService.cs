using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;
using Scrubber.Server.Diagnostics;
using Scrubber.Server.Scrubbing;
using Proto = Scrubber.V1;
using RpcStatus = Grpc.Core.Status;

namespace Scrubber.Server.Grpc;

/// <summary>The ClaimScrubber gRPC service: validate and map the claim, run the scrub pipeline, map back.</summary>
internal sealed class ClaimScrubberService(
    ScrubPipeline pipeline,
    IOptions<ScrubOptions> options,
    ScrubberMetrics metrics,
    ILogger<ClaimScrubberService> logger) : Proto.ClaimScrubber.ClaimScrubberBase
{
    public override async Task<Proto.ScrubClaimResponse> ScrubClaim(Proto.ScrubClaimRequest request, ServerCallContext context)
    {
        var claim = ClaimRequestMapper.TryMap(request.Claim, options.Value.MaxLinesPerClaim, out var violations)
            ?? throw InvalidArgument(violations);
        return await ScrubAsync(claim, context.CancellationToken).ConfigureAwait(false);
    }

    public override async Task ScrubClaims(
        IAsyncStreamReader<Proto.ScrubClaimRequest> requestStream,
        IServerStreamWriter<Proto.ScrubClaimResponse> responseStream,
        ServerCallContext context)
    {
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            var claim = ClaimRequestMapper.TryMap(request.Claim, options.Value.MaxLinesPerClaim, out var violations);
            Proto.ScrubClaimResponse response;
            if (claim is null)
            {
                // One bad claim in a batch must not lose the rest: answer it in place and go on.
                Rejected(violations);
                response = new Proto.ScrubClaimResponse { ClaimId = request.Claim?.ClaimId ?? string.Empty };
                response.Violations.AddRange(violations.Select(v => new Proto.FieldViolation { Field = v.Field, Description = v.Description }));
            }
            else
            {
                response = await ScrubAsync(claim, context.CancellationToken).ConfigureAwait(false);
            }

            await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Proto.ScrubClaimResponse> ScrubAsync(Claim claim, CancellationToken cancellationToken)
    {
        try
        {
            var (scrubId, result) = await pipeline.ScrubAsync(claim, cancellationToken).ConfigureAwait(false);
            return ScrubResponseMapper.ToResponse(scrubId, claim.ClaimId, result);
        }
        catch (ScrubUnavailableException ex)
        {
            var code = ex.Why == ScrubUnavailableException.Reason.TableMissing ? StatusCode.FailedPrecondition : StatusCode.Unavailable;
            throw new RpcException(new RpcStatus(code, ex.Message));
        }
    }

    private RpcException InvalidArgument(List<FieldViolation> violations)
    {
        Rejected(violations);
        var badRequest = new BadRequest();
        foreach (var violation in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description });
        }

        var first = violations.Take(3).Select(v => $"{v.Field} {v.Description}");
        var more = violations.Count > 3 ? $" (and {violations.Count - 3} more)" : string.Empty;
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"The claim is invalid: {string.Join("; ", first)}{more}.",
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }

    private void Rejected(List<FieldViolation> violations)
    {
        metrics.Invalid();
        Log.ClaimInvalid(logger, violations.Count, violations[0].Field, violations[0].Description);
    }
}
