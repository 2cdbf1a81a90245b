using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using RpcStatus = Grpc.Core.Status;
using Microsoft.Extensions.Options;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Scrubbing;
using Scrubber.Server.Diagnostics;
using Scrubber.Server.Ncci;
using Scrubber.Server.Packs;
using Proto = Scrubber.V1;

namespace Scrubber.Server.Grpc;

/// <summary>The ClaimScrubber gRPC service: validate and map the claim, scrub it on the live snapshot, map back.</summary>
internal sealed class ClaimScrubberService(
    LiveNcciTables live,
    LivePacks packs,
    ClaimScrubber scrubber,
    IOptions<ScrubOptions> options,
    ScrubberMetrics metrics,
    ILogger<ClaimScrubberService> logger) : Proto.ClaimScrubber.ClaimScrubberBase
{
    public override Task<Proto.ScrubClaimResponse> ScrubClaim(Proto.ScrubClaimRequest request, ServerCallContext context)
    {
        var claim = ClaimRequestMapper.TryMap(request.Claim, options.Value.MaxLinesPerClaim, out var violations);
        if (claim is null)
        {
            throw InvalidArgument(violations);
        }

        return Task.FromResult(Scrub(claim));
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
                response = Scrub(claim);
            }

            await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private Proto.ScrubClaimResponse Scrub(Claim claim)
    {
        // Both snapshots are read once: a swap during this call does not change what the call scrubs with.
        var snapshot = live.Current ?? throw new RpcException(new RpcStatus(
            StatusCode.Unavailable, "The NCCI tables are still loading; retry shortly (grpc.health.v1 reports SERVING when ready)."));
        var packSet = packs.Current;

        var scrubId = Guid.CreateVersion7().ToString();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = scrubber.Scrub(claim, snapshot, packSet);
            foreach (var fault in result.RuleFaults)
            {
                Log.RuleFault(logger, fault.Source, scrubId, fault.Message);
                metrics.RuleFault();
            }

            metrics.Scrubbed(result.Disposition, Stopwatch.GetElapsedTime(started));
            return ScrubResponseMapper.ToResponse(scrubId, claim.ClaimId, result);
        }
        catch (NcciTableMissingException ex)
        {
            throw new RpcException(new RpcStatus(StatusCode.FailedPrecondition, ex.Message));
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            // An engine fault is logged and reported as such, never disguised as an edit.
            Log.ScrubFailed(logger, ex, scrubId);
            throw new RpcException(new RpcStatus(StatusCode.Internal, $"Scrub {scrubId} failed; the error is logged under that id."));
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
