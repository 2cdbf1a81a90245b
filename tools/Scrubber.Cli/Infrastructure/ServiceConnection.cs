using Grpc.Core;
using Grpc.Net.Client;

namespace Scrubber.Cli;

/// <summary>Opens a channel to the service named by <c>--server</c>, <c>SCRUBBER_SERVER</c>, or the local default, sending the
/// API key of <c>--api-key</c>, <c>SCRUBBER_API_KEY</c>, or the development key on every call.</summary>
internal static class ServiceConnection
{
    public const string DefaultAddress = "http://127.0.0.1:5080";

    /// <summary>The documented development key: the Development settings accept it, on loopback only, so that
    /// commands work against <c>dotnet run</c> out of the box.</summary>
    public const string DevelopmentApiKey = "scr_dev_loopback_only_not_a_secret";

    public const string HelpText =
        "  --server URL     the service address (default $SCRUBBER_SERVER, else " + DefaultAddress + ")\n" +
        "  --api-key KEY    the API key to call with (default $SCRUBBER_API_KEY, else the development key)";

    /// <summary>The options every command that calls the service takes.</summary>
    public static IReadOnlyCollection<string> Options { get; } = ["server", "api-key"];

    public static GrpcChannel Open(CommandArgs args)
    {
        var address = args.Option("server") ?? Environment.GetEnvironmentVariable("SCRUBBER_SERVER") ?? DefaultAddress;
        var key = args.Option("api-key") ?? Environment.GetEnvironmentVariable("SCRUBBER_API_KEY") ?? DevelopmentApiKey;
        var header = "Bearer " + key;
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", header);
            return Task.CompletedTask;
        });
        var transport = address.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(transport, credentials),

            // The service listens on loopback h2c by default; over a network, give it a TLS endpoint and an https address.
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }

    /// <summary>Explains an RPC failure in one line and picks the exit code.</summary>
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
