using Grpc.Core;
using Grpc.Net.Client;

namespace Scrubber.Client;

/// <summary>Opens gRPC channels to the service that send the API key on every call.</summary>
public static class ScrubberChannel
{
    /// <summary>A channel as <paramref name="options"/> say; the caller disposes it.</summary>
    public static GrpcChannel Open(ScrubberChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var channelOptions = new GrpcChannelOptions
        {
            HttpHandler = options.HttpHandler,
            MaxReceiveMessageSize = options.MaxReceiveMessageSize,
        };
        if (options.ApiKey is { } key)
        {
            // Built once per channel: a call adds one header and nothing else, which the load tool relies on.
            var header = "Bearer " + key;
            var credentials = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", header);
                return Task.CompletedTask;
            });
            var transport = options.Address.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
            channelOptions.Credentials = ChannelCredentials.Create(transport, credentials);

            // The service listens on loopback h2c by default, where the key is as safe as in this process; over a
            // network, give the service a TLS endpoint and the client an https address.
            channelOptions.UnsafeUseInsecureChannelCallCredentials = true;
        }

        return GrpcChannel.ForAddress(options.Address, channelOptions);
    }
}
