using Grpc.Core;
using Grpc.Health.V1;
using Scrubber.Client;

namespace Scrubber.Load;

/// <summary>Waits until the service is up and SERVING, for scripts that start it.</summary>
internal static class ServiceWaiter
{
    public static async Task<int> RunAsync(string server, TimeSpan timeout)
    {
        // grpc.health.v1 answers without a key, and a script waiting for a service may not hold one yet.
        using var channel = ScrubberChannel.Open(new ScrubberChannelOptions(server, ApiKey: null));
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2)).ConfigureAwait(false);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return 0;
                }
            }
            catch (RpcException)
            {
                // Not listening yet.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        Console.Error.WriteLine($"The service at {server} was not SERVING within {timeout.TotalSeconds:0.#} s.");
        return 1;
    }
}
