using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Scrubber.Client;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary>Runs concurrent workers against the service for a fixed time and reports what they measured; optionally
/// swaps tables or packs meanwhile, and measures the no-op RPC of the same server as the ceiling.</summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadSettings settings)
    {
        using var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };
        using var channel = ScrubberChannel.Open(new ScrubberChannelOptions(settings.Server, settings.ApiKey) { HttpHandler = handler });
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

        var claims = LoadClaims.Make(settings);
        using var acks = settings.AcksFile is null ? null : new AckLog(settings.AcksFile);

        Console.Error.WriteLine($"warming up {settings.Warmup.TotalSeconds:F0} s …");
        await RunPhase(channel, claims, settings, settings.Mode, settings.Warmup, null).ConfigureAwait(false);
        Console.Error.WriteLine($"measuring {settings.Duration.TotalSeconds:F0} s: mode {settings.Mode}, concurrency {settings.Concurrency}, {settings.Lines}-line claims" +
                                (settings.Rate is { } r ? $", target {r:F0}/s" : string.Empty) + (settings.Swap is { } s ? $", swapping {s} every {settings.SwapEvery.TotalSeconds:F0} s" : string.Empty));
        var memoryBefore = ServerMemory.ResidentBytes(settings.ServerPid);
        var swapper = settings.Swap is null ? null : new Swapper(channel, settings);
        using var stopBackground = new CancellationTokenSource();
        var swapping = swapper?.RunAsync(stopBackground.Token) ?? Task.CompletedTask;
        var ingester = settings.IngestFile is { } file ? new Ingester(channel, file, settings.IngestEvery) : null;
        var ingesting = ingester?.RunAsync(stopBackground.Token) ?? Task.CompletedTask;
        var sampling = settings.MemoryEvery is { } every && settings.ServerPid is { } pid
            ? ServerMemory.SampleAsync(pid, every, stopBackground.Token)
            : Task.FromResult<IReadOnlyList<long>>([]);
        var (clientCpuBefore, serverCpuBefore) = (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, ServerCpu.Seconds(settings.ServerPid));
        var stopwatch = Stopwatch.StartNew();
        var results = await RunPhase(channel, claims, settings, settings.Mode, settings.Duration, acks).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - clientCpuBefore;
        var serverCpu = ServerCpu.Seconds(settings.ServerPid) - serverCpuBefore;
        await stopBackground.CancelAsync().ConfigureAwait(false);
        await swapping.ConfigureAwait(false);
        await ingesting.ConfigureAwait(false);
        var memory = await sampling.ConfigureAwait(false);

        var all = Latencies(results, _ => true);
        var errors = results.Sum(r => r.Errors);
        var rate = all.Length / elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mode={settings.Mode} concurrency={settings.Concurrency} lines={settings.Lines} calls={all.Length} errors={errors} " +
            $"rate={rate:F0}/s {Describe(all)}"));
        // On a shared machine the client's own CPU is taken from the server's: say how much it was.
        var client = string.Create(CultureInfo.InvariantCulture, $"cpu over {elapsed:F1} s: client {clientCpu:F1} s ({clientCpu / elapsed:P0} of one CPU)");
        Console.WriteLine(serverCpu is { } server
            ? string.Create(CultureInfo.InvariantCulture,
                $"{client}, server {server:F1} s ({server / elapsed:P0} of one CPU); the client used {clientCpu / (clientCpu + server):P0} of the CPU the two used")
            : $"{client}; give --server-pid for the server's share");
        foreach (var sample in results.SelectMany(r => r.ErrorSamples).Distinct().Take(5))
        {
            Console.Error.WriteLine($"error: {sample}");
        }

        if (swapper is not null)
        {
            var during = Latencies(results, swapper.During);
            var steady = Latencies(results, t => !swapper.During(t));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"swaps={swapper.Windows.Count} failed={swapper.Failures.Count} steady: {Describe(steady)} | during swaps: calls={during.Length} {Describe(during)} " +
                $"| p99 ratio={Percentile(during, 0.99) / Math.Max(0.001, Percentile(steady, 0.99)):F2}"));
            foreach (var failure in swapper.Failures.Take(5))
            {
                Console.Error.WriteLine(failure);
            }

            errors += swapper.Failures.Count;
        }

        if (ingester is not null)
        {
            var during = Latencies(results, ingester.During);
            var steady = Latencies(results, t => !ingester.During(t));
            var steadySeconds = elapsed - ingester.WindowSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingests={ingester.Seconds.Count} failed={ingester.Failures.Count} seconds={string.Join(",", ingester.Seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} " +
                $"| steady: rate={steady.Length / Math.Max(0.001, steadySeconds):F0}/s {Describe(steady)} " +
                $"| during ingests: rate={during.Length / Math.Max(0.001, ingester.WindowSeconds):F0}/s {Describe(during)}"));
            foreach (var failure in ingester.Failures.Take(5))
            {
                Console.Error.WriteLine(failure);
            }

            errors += ingester.Failures.Count;
        }

        if (memory.Count > 0)
        {
            Console.WriteLine($"server resident memory every {settings.MemoryEvery!.Value.TotalSeconds:F0} s: " +
                $"{string.Join(", ", memory.Select(b => ServerMemory.Describe(b)))} (first {ServerMemory.Describe(memory[0])}, " +
                $"last {ServerMemory.Describe(memory[^1])}, max {ServerMemory.Describe(memory.Max())})");
        }

        if (settings.ServerPid is not null)
        {
            // Give the collector a moment after the last swap, as a service at rest would have.
            await Task.Delay(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            Console.WriteLine($"server resident memory: before {ServerMemory.Describe(memoryBefore)}, after {ServerMemory.Describe(ServerMemory.ResidentBytes(settings.ServerPid))}");
        }

        if (settings.Ceiling && settings.Mode != "noop")
        {
            Console.Error.WriteLine($"measuring the ceiling: no-op RPC, concurrency {settings.Concurrency}, {settings.Duration.TotalSeconds:F0} s …");
            await RunPhase(channel, claims, settings with { Rate = null }, "noop", settings.Warmup, null).ConfigureAwait(false);
            stopwatch.Restart();
            var noop = await RunPhase(channel, claims, settings with { Rate = null }, "noop", settings.Duration, null).ConfigureAwait(false);
            var noopLatencies = Latencies(noop, _ => true);
            var noopRate = noopLatencies.Length / stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ceiling: mode=noop rate={noopRate:F0}/s {Describe(noopLatencies)} | {settings.Mode} reached {rate / noopRate:P0} of the no-op rate"));
        }

        return errors == 0 ? 0 : 1;
    }

    private static async Task<WorkerResult[]> RunPhase(GrpcChannel channel, Claim[] claims, LoadSettings settings, string mode, TimeSpan duration, AckLog? acks)
    {
        using var stop = new CancellationTokenSource(duration);
        var interval = settings.Rate is { } rate ? TimeSpan.FromSeconds(settings.Concurrency / rate) : TimeSpan.Zero;
        var workers = Enumerable.Range(0, settings.Concurrency)
            .Select(w => Task.Run(() => Worker.RunAsync(channel, claims, w, mode, interval, acks, settings.ConfirmRatio, stop.Token)))
            .ToArray();
        return await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private static double[] Latencies(WorkerResult[] results, Func<long, bool> endedWhen) =>
        [.. results.SelectMany(r => r.Latencies.Zip(r.Ends).Where(x => endedWhen(x.Second)).Select(x => x.First)).Order()];

    internal static string Describe(double[] sorted) => string.Create(CultureInfo.InvariantCulture,
        $"p50={Percentile(sorted, 0.50):F2}ms p95={Percentile(sorted, 0.95):F2}ms p99={Percentile(sorted, 0.99):F2}ms max={(sorted.Length == 0 ? 0 : sorted[^1]):F2}ms");

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
