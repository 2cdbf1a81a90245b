using Grpc.Core;
using Grpc.Net.Client;

namespace Scrubber.Cli;

/// <summary>Opens a channel to the service named by <c>--server</c>, <c>SCRUBBER_SERVER</c>, or the local default.</summary>
internal static class ServiceConnection
{
    public const string DefaultAddress = "http://127.0.0.1:5080";

    public const string HelpText =
        "  --server URL     the service address (default $SCRUBBER_SERVER, else " + DefaultAddress + ")";

    public static GrpcChannel Open(CommandArgs args) =>
        GrpcChannel.ForAddress(args.Option("server") ?? Environment.GetEnvironmentVariable("SCRUBBER_SERVER") ?? DefaultAddress);

    /// <summary>Explains an RPC failure in one line and picks the exit code.</summary>
    public static async Task<int> ReportAsync(RpcException ex, string address, CliConsole console)
    {
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
