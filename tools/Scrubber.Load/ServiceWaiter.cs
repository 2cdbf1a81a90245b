using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Scrubber.Load;

/// <summary>Waits until the service is up and SERVING, for scripts that start it.</summary>
internal static class ServiceWaiter
{
    public static async Task<int> RunAsync(string[] args)
    {
        var server = "http://127.0.0.1:5080";
        var timeout = TimeSpan.FromSeconds(60);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--server": server = args[i + 1]; break;
                case "--timeout": timeout = TimeSpan.FromSeconds(double.Parse(args[i + 1], CultureInfo.InvariantCulture)); break;
            }
        }

        using var channel = GrpcChannel.ForAddress(server);
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

        Console.Error.WriteLine($"The service at {server} was not SERVING within {timeout.TotalSeconds:F0} s.");
        return 1;
    }
}
