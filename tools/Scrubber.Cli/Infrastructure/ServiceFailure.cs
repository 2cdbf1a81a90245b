using Grpc.Core;

namespace Scrubber.Cli;

/// <summary>Explains a failed call in one line and picks the exit code.</summary>
internal static class ServiceFailure
{
    public static async Task<int> ReportAsync(RpcException ex, string address, CliConsole console)
    {
        if (ex.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            var why = ex.StatusCode == StatusCode.Unauthenticated ? "does not know the API key" : "does not allow this call with the API key";
            await console.Error.WriteLineAsync(
                $"The service at {address} {why} ({ex.StatusCode}). Set SCRUBBER_API_KEY (or --api-key) to a key with the scope this command needs.").ConfigureAwait(false);
            return ExitCodes.Problems;
        }

        var unreachable = ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;
        var message = unreachable
            ? $"The service at {address} is not available: {ex.Status.Detail}"
            : $"The service answered {ex.StatusCode}: {ex.Status.Detail}";
        await console.Error.WriteLineAsync(message).ConfigureAwait(false);
        return unreachable ? ExitCodes.Unavailable : ExitCodes.Problems;
    }

    /// <summary>For report queries: a bad filter is the caller's command line (exit 2); anything else as <see cref="ReportAsync"/>.</summary>
    public static async Task<int> ReportQueryFailureAsync(RpcException ex, string address, CliConsole console)
    {
        if (ex.StatusCode != StatusCode.InvalidArgument)
        {
            return await ReportAsync(ex, address, console).ConfigureAwait(false);
        }

        await console.Error.WriteLineAsync(ex.Status.Detail).ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
