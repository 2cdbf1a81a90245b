using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Scrubber.Testing;

/// <summary>Waits for a started service, in this process or its own, until grpc.health.v1 reports SERVING.</summary>
internal static class Serving
{
    public static async Task WaitAsync(GrpcChannel channel, TimeSpan within, Func<string> log)
    {
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if ((await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The server did not report SERVING within {within.TotalSeconds:0} s. Log:\n{log()}");
    }
}
