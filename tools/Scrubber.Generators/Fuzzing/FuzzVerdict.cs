using Google.Rpc;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Generators.Fuzzing;

/// <summary>What the service did with a fuzz case, judged against the invariant: a valid scrub answer, or
/// INVALID_ARGUMENT (in-band violations on a stream) naming at least one field; anything else is broken.</summary>
/// <param name="Outcome">How a tally counts it: <c>scrubbed</c>, <c>invalid_argument</c>, <c>in_band_violations</c>,
/// or <c>broken:</c> and the status code.</param>
/// <param name="Problem">For a broken answer, what is wrong with it; null otherwise.</param>
public sealed record FuzzVerdict(string Outcome, string? Problem)
{
    public bool IsBroken => Problem is not null;

    /// <summary>Judges an answer; <paramref name="onStream"/> when it came on a ScrubClaims stream.</summary>
    public static FuzzVerdict Of(FuzzCase fuzzCase, ScrubClaimResponse response, bool onStream)
    {
        if (response.Error.Length > 0)
        {
            return Broken("Internal", response.Error);
        }

        if (response.Violations.Count > 0)
        {
            return !onStream ? Broken("OK", "a unary answer carries violations")
                : response.Violations.Any(v => v.Field.Length == 0) ? Broken("OK", "a violation names no field")
                : response.ScrubId.Length > 0 ? Broken("OK", "a refused claim has a scrub id")
                : new FuzzVerdict("in_band_violations", null);
        }

        return response.ScrubId.Length == 0 ? Broken("OK", "the answer has no scrub id")
            : response.ClaimId != fuzzCase.Claim?.ClaimId ? Broken("OK", $"the answer is for claim '{response.ClaimId}', not the one sent")
            : !Enum.IsDefined(response.Disposition) || response.Disposition == Disposition.Unspecified ? Broken("OK", $"disposition {response.Disposition}")
            : new FuzzVerdict("scrubbed", null);
    }

    /// <summary>Judges a call that failed.</summary>
    public static FuzzVerdict Of(RpcException exception)
    {
        if (exception.StatusCode != StatusCode.InvalidArgument)
        {
            return Broken(exception.StatusCode.ToString(), exception.Status.Detail);
        }

        var fields = exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        return fields is null || fields.Count == 0 || fields.Any(f => f.Field.Length == 0)
            ? Broken("InvalidArgument", "no google.rpc.BadRequest naming a field: " + exception.Status.Detail)
            : new FuzzVerdict("invalid_argument", null);
    }

    public static FuzzVerdict Broken(string status, string problem) => new($"broken:{status}", problem);
}
