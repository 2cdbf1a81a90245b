using Grpc.Core;
using Grpc.Core.Interceptors;
using Scrubber.Audit;
using Scrubber.Core.Ncci;
using Scrubber.Server.Diagnostics;
using Scrubber.Server.Scrubbing;
using Scrubber.X12;

namespace Scrubber.Server.Grpc;

/// <summary>Maps what the domain throws to a gRPC status, in one place for every service: a bad request or file is
/// INVALID_ARGUMENT, a missing record NOT_FOUND, a service that cannot do the work now UNAVAILABLE or
/// FAILED_PRECONDITION, and anything else a defect: INTERNAL with an error id that is logged with the exception, never
/// UNKNOWN and never the exception's text.</summary>
internal sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ToRpc(ex, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ToRpc(ex, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ToRpc(ex, context) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ToRpc(ex, context) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>The status for <paramref name="exception"/>, or null to let it through as it is (an RpcException already
    /// chosen by a service, or the cancellation of a call whose client left or whose deadline passed).</summary>
    private RpcException? ToRpc(Exception exception, ServerCallContext context) => exception switch
    {
        RpcException => null,
        // The call's deadline passing cancels it too; the caller must hear which of the two ended it.
        OperationCanceledException when context.CancellationToken.IsCancellationRequested && context.Deadline <= DateTime.UtcNow =>
            new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline passed before it finished.")),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested => null,
        X12FormatException x12 => RpcErrors.InvalidArgument("content", x12.Message),
        InvalidRecordException invalid => RpcErrors.InvalidArgument(invalid.Field, invalid.Message),
        RecordNotFoundException missing => new RpcException(new Status(StatusCode.NotFound, missing.Message)),
        ScrubUnavailableException { Why: ScrubUnavailableException.Reason.TableMissing } unavailable =>
            new RpcException(new Status(StatusCode.FailedPrecondition, unavailable.Message)),
        ScrubUnavailableException unavailable => new RpcException(new Status(StatusCode.Unavailable, unavailable.Message)),
        NcciLoadException load => new RpcException(new Status(StatusCode.FailedPrecondition,
            "The NCCI tables were not reloaded; the tables in force keep serving. " + load.Message)),
        AuditStoreException store => new RpcException(new Status(StatusCode.Unavailable, store.Message)),
        _ => Defect(exception, context),
    };

    private RpcException Defect(Exception exception, ServerCallContext context)
    {
        var errorId = Guid.CreateVersion7().ToString();
        Log.CallDefect(logger, exception, context.Method, errorId);
        return new RpcException(new Status(StatusCode.Internal,
            $"The service failed on this call. The error is logged with id {errorId}."));
    }
}
