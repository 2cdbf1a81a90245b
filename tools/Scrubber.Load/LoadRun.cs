using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Scrubber.Generators;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary>Runs concurrent workers against the service for a fixed time and reports what they measured.</summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadSettings settings)
    {
        using var channel = KeyedChannel.Open(settings.Server, settings.ApiKey, new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        });
        try
        {
            await new Admin.AdminClient(channel).PingAsync(new PingRequest(), deadline: DateTime.UtcNow.AddSeconds(5)).ConfigureAwait(false);
        }
        catch (Grpc.Core.RpcException ex)
        {
            var hint = ex.StatusCode is Grpc.Core.StatusCode.Unauthenticated or Grpc.Core.StatusCode.PermissionDenied
                ? " Set SCRUBBER_API_KEY (or --api-key) to a key with the scrub scope."
                : string.Empty;
            Console.Error.WriteLine($"The service at {settings.Server} does not answer ({ex.StatusCode}: {ex.Status.Detail}).{hint}");
            return 3;
        }

        var faker = new ClaimFaker(settings.Seed);
        var claims = Enumerable.Range(0, 4096).Select(_ => ClaimInputProto.From(faker.Next(settings.Lines))).ToArray();
        using var acks = settings.AcksFile is null ? null : new AckLog(settings.AcksFile);

        Console.Error.WriteLine($"warming up {settings.Warmup.TotalSeconds:F0} s …");
        await RunPhase(channel, claims, settings, settings.Warmup, null).ConfigureAwait(false);
        Console.Error.WriteLine($"measuring {settings.Duration.TotalSeconds:F0} s: mode {settings.Mode}, concurrency {settings.Concurrency}, {settings.Lines}-line claims" +
                                (settings.Rate is { } r ? $", target {r:F0}/s" : string.Empty));
        var stopwatch = Stopwatch.StartNew();
        var results = await RunPhase(channel, claims, settings, settings.Duration, acks).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed.TotalSeconds;

        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        var errors = results.Sum(r => r.Errors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mode={settings.Mode} concurrency={settings.Concurrency} lines={settings.Lines} calls={latencies.Length} errors={errors} " +
            $"rate={latencies.Length / elapsed:F0}/s p50={Percentile(latencies, 0.50):F2}ms p95={Percentile(latencies, 0.95):F2}ms " +
            $"p99={Percentile(latencies, 0.99):F2}ms max={(latencies.Length == 0 ? 0 : latencies[^1]):F2}ms"));
        foreach (var sample in results.SelectMany(r => r.ErrorSamples).Distinct().Take(5))
        {
            Console.Error.WriteLine($"error: {sample}");
        }

        return errors == 0 ? 0 : 1;
    }

    private static async Task<WorkerResult[]> RunPhase(GrpcChannel channel, Claim[] claims, LoadSettings settings, TimeSpan duration, AckLog? acks)
    {
        using var stop = new CancellationTokenSource(duration);
        var interval = settings.Rate is { } rate ? TimeSpan.FromSeconds(settings.Concurrency / rate) : TimeSpan.Zero;
        var workers = Enumerable.Range(0, settings.Concurrency)
            .Select(w => Task.Run(() => Worker.RunAsync(channel, claims, w, settings.Mode, interval, acks, stop.Token)))
            .ToArray();
        return await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
