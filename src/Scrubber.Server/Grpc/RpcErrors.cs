using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Scrubber.Core.Claims;

namespace Scrubber.Server.Grpc;

/// <summary>INVALID_ARGUMENT with google.rpc.BadRequest details naming each bad field, the same for every RPC.</summary>
internal static class RpcErrors
{
    public static RpcException InvalidArgument(string what, IReadOnlyList<FieldViolation> violations)
    {
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
            Message = $"{what}: {string.Join("; ", first)}{more}.",
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }

    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument("The request is invalid", [new FieldViolation(field, description)]);
}
