using Grpc.Core;
using Grpc.Net.Client;

namespace Scrubber.Load;

/// <summary>A channel that sends an API key as <c>authorization: Bearer</c> on every call.</summary>
internal static class KeyedChannel
{
    public static GrpcChannel Open(string address, string apiKey, HttpMessageHandler handler)
    {
        // Built once: the load tool measures the service, so each call adds one header and nothing else.
        var header = "Bearer " + apiKey;
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", header);
            return Task.CompletedTask;
        });
        var transport = address.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            Credentials = ChannelCredentials.Create(transport, credentials),

            // Load runs target loopback h2c by default; against a remote service, use its TLS endpoint.
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }
}
