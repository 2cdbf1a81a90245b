using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Scrubber.Client;
using Scrubber.Generators;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary>Runs a costly pack's payer and a cheap payer side by side and reports what the cheap one sees: with the
/// evaluation budget binding, the costly pack's claims are cut short and cannot hold workers the cheap one needs.
/// Optionally sends costly calls with a short deadline and reads the server's CPU while and after they expire.</summary>
internal static class MixRun
{
    private const int ClaimCount = 1024;

    public static async Task<int> RunAsync(MixSettings settings)
    {
        using var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan };
        using var channel = ScrubberChannel.Open(new ScrubberChannelOptions(settings.Server, settings.ApiKey) { HttpHandler = handler });
        try
        {
            await new Admin.AdminClient(channel).PingAsync(new PingRequest(), deadline: DateTime.UtcNow.AddSeconds(5)).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            Console.Error.WriteLine($"The service at {settings.Server} does not answer ({ex.StatusCode}: {ex.Status.Detail}).");
            return 3;
        }

        var costlyClaims = Claims(settings.Costly, settings.Seed);
        var cheapClaims = Claims(settings.Cheap, settings.Seed + 1);
        Console.Error.WriteLine($"warming up {settings.Warmup.TotalSeconds:F0} s …");
        await Phase(channel, settings, costlyClaims, cheapClaims, settings.Warmup).ConfigureAwait(false);
        Console.Error.WriteLine($"measuring {settings.Duration.TotalSeconds:F0} s: {settings.Costly.Payer} ({settings.Costly.Concurrency} in flight, " +
                                $"{settings.Costly.Lines}-line claims) beside {settings.Cheap.Payer} ({settings.Cheap.Concurrency} in flight, {settings.Cheap.Lines}-line claims)");
        var stopwatch = Stopwatch.StartNew();
        var (costly, cheap) = await Phase(channel, settings, costlyClaims, cheapClaims, settings.Duration).ConfigureAwait(false);
        var seconds = stopwatch.Elapsed.TotalSeconds;

        Console.WriteLine(Line("cheap ", settings.Cheap, cheap, seconds));
        Console.WriteLine(Line("costly", settings.Costly, costly, seconds) +
                          $" budget_exceeded={costly.Sum(r => r.BudgetEdits)}/{costly.Sum(r => r.Result.Latencies.Count)}");
        foreach (var sample in costly.Concat(cheap).SelectMany(r => r.Result.ErrorSamples).Distinct().Take(5))
        {
            Console.Error.WriteLine($"error: {sample}");
        }

        if (settings.ServerPid is { } pid && ServerCpu.Seconds(pid) is not null)
        {
            await Expire(channel, settings, costlyClaims, pid).ConfigureAwait(false);
        }

        return costly.Concat(cheap).Sum(r => r.Result.Errors) == 0 ? 0 : 1;
    }

    /// <summary>Costly calls whose deadline passes while they run: what the server spends on answers nobody waits for.</summary>
    private static async Task Expire(GrpcChannel channel, MixSettings settings, ScrubClaimRequest[] claims, int pid)
    {
        var client = new ClaimScrubber.ClaimScrubberClient(channel);
        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        var before = ServerCpu.Seconds(pid)!.Value;
        var deadline = DateTime.UtcNow + settings.ExpireDeadline;
        var calls = Enumerable.Range(0, settings.Expire).Select(async i =>
        {
            try
            {
                await client.ScrubClaimAsync(claims[i % claims.Length], deadline: deadline).ResponseAsync.ConfigureAwait(false);
                return "OK";
            }
            catch (RpcException ex)
            {
                return ex.StatusCode.ToString();
            }
        });
        var statuses = await Task.WhenAll(calls).ConfigureAwait(false);
        var expired = ServerCpu.Seconds(pid)!.Value;
        await Task.Delay(settings.ExpireWatch).ConfigureAwait(false);
        var after = ServerCpu.Seconds(pid)!.Value;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"expire: {settings.Expire} {settings.Costly.Payer} calls with a {settings.ExpireDeadline.TotalMilliseconds:F0} ms deadline: " +
            $"{string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key} {g.Count()}"))} | server CPU {expired - before:F2} s until they ended, " +
            $"{after - expired:F2} s in the {settings.ExpireWatch.TotalSeconds:F0} s after"));
    }

    private static async Task<(SideResult[] Costly, SideResult[] Cheap)> Phase(
        GrpcChannel channel, MixSettings settings, ScrubClaimRequest[] costlyClaims, ScrubClaimRequest[] cheapClaims, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var costly = Enumerable.Range(0, settings.Costly.Concurrency).Select(w => Task.Run(() => Work(channel, costlyClaims, w, stop.Token))).ToArray();
        var cheap = Enumerable.Range(0, settings.Cheap.Concurrency).Select(w => Task.Run(() => Work(channel, cheapClaims, w, stop.Token))).ToArray();
        return (await Task.WhenAll(costly).ConfigureAwait(false), await Task.WhenAll(cheap).ConfigureAwait(false));
    }

    private static async Task<SideResult> Work(GrpcChannel channel, ScrubClaimRequest[] claims, int worker, CancellationToken stop)
    {
        var client = new ClaimScrubber.ClaimScrubberClient(channel);
        var side = new SideResult();
        for (var next = worker * 997; !stop.IsCancellationRequested; next++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                // A call in flight when the phase ends still counts: it is not cancelled.
                var response = await client.ScrubClaimAsync(claims[next % claims.Length], cancellationToken: CancellationToken.None).ResponseAsync.ConfigureAwait(false);
                side.Result.Record(started);
                side.BudgetEdits += response.Edits.Any(e => e.EditType == "PACK_BUDGET_EXCEEDED") ? 1 : 0;
            }
            catch (RpcException ex)
            {
                side.Result.Error($"{ex.StatusCode}: {ex.Status.Detail}");
            }
        }

        return side;
    }

    private static ScrubClaimRequest[] Claims(MixSettings.Side side, int seed)
    {
        var faker = new ClaimFaker(seed);
        return [.. Enumerable.Range(0, ClaimCount).Select(_ =>
        {
            var claim = ClaimInputProto.From(faker.Next(side.Lines));
            claim.PayerId = side.Payer;
            return new ScrubClaimRequest { Claim = claim };
        })];
    }

    private static string Line(string label, MixSettings.Side side, SideResult[] results, double seconds)
    {
        double[] latencies = [.. results.SelectMany(r => r.Result.Latencies).Order()];
        return string.Create(CultureInfo.InvariantCulture,
            $"{label} payer={side.Payer} concurrency={side.Concurrency} lines={side.Lines} calls={latencies.Length} errors={results.Sum(r => r.Result.Errors)} " +
            $"rate={latencies.Length / seconds:F0}/s {LoadRun.Describe(latencies)}");
    }

    /// <summary>What one worker of one side measured, and how many answers carried the budget edit.</summary>
    private sealed class SideResult
    {
        public WorkerResult Result { get; } = new();

        public int BudgetEdits { get; set; }
    }
}
