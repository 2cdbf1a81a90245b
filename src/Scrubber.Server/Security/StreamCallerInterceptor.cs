using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authorization;

namespace Scrubber.Server.Security;

/// <summary>Checks the caller of a client stream again before each message it sends, so that a stream opened before
/// its key was removed or lost the scope (a <c>ScrubClaims</c> run can last hours) stops at its next claim.</summary>
/// <remarks>Authentication runs once per HTTP request, and a gRPC stream is one request; without this, a key removed
/// from the settings would keep working on every stream it had open.</remarks>
internal sealed class StreamCallerInterceptor(CallerDirectory callers) : Interceptor
{
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(Checked(requestStream, context), context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(Checked(requestStream, context), responseStream, context);

    private IAsyncStreamReader<TRequest> Checked<TRequest>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.FindFirst(Caller.HashClaimType)?.Value is not { } hash)
        {
            return requestStream;
        }

        var scopes = (http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [])
            .Select(a => a.Policy)
            .OfType<string>()
            .Where(Scopes.All.Contains)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new Reader<TRequest>(requestStream, () => callers.FindByHash(hash) is not { } caller
            ? new RpcException(new Status(StatusCode.Unauthenticated, "The API key or client certificate of this stream is no longer configured."))
            : scopes.FirstOrDefault(s => !caller.Has(s)) is { } lost
                ? new RpcException(new Status(StatusCode.PermissionDenied, $"The caller of this stream no longer has the {lost} scope."))
                : null);
    }

    private sealed class Reader<TRequest>(IAsyncStreamReader<TRequest> inner, Func<RpcException?> refusal) : IAsyncStreamReader<TRequest>
    {
        public TRequest Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var more = await inner.MoveNext(cancellationToken).ConfigureAwait(false);
            return more && refusal() is { } refused ? throw refused : more;
        }
    }
}
