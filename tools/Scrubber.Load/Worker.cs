using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary>One load worker: sends claims (or pings) back to back, or at a fixed pace, until told to stop.</summary>
internal static class Worker
{
    private const int StreamBatch = 50;

    public static async Task<WorkerResult> RunAsync(GrpcChannel channel, Claim[] claims, int worker, string mode, TimeSpan interval, AckLog? acks, double confirmRatio, CancellationToken stop)
    {
        var result = new WorkerResult();
        var scrubber = new ClaimScrubber.ClaimScrubberClient(channel);
        var admin = new Admin.AdminClient(channel);
        var outcomes = new Outcomes.OutcomesClient(channel);
        var next = worker * 997;
        var pace = Stopwatch.StartNew();
        var sent = 0L;
        while (!stop.IsCancellationRequested)
        {
            if (interval > TimeSpan.Zero)
            {
                var due = interval * sent;
                if (due > pace.Elapsed)
                {
                    try
                    {
                        await Task.Delay(due - pace.Elapsed, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                switch (mode)
                {
                    case "noop":
                        await admin.PingAsync(new PingRequest(), cancellationToken: CancellationToken.None).ConfigureAwait(false);
                        result.Record(started);
                        break;
                    case "stream":
                        foreach (var scrubId in await StreamBatchAsync(scrubber, claims, next, result, acks).ConfigureAwait(false))
                        {
                            await ConfirmSomeAsync(outcomes, scrubId, confirmRatio).ConfigureAwait(false);
                        }

                        next += StreamBatch - 1;
                        break;
                    default:
                        // In-flight calls are not cancelled at the end of a run: their answers still count and are still acknowledged.
                        var response = await scrubber.ScrubClaimAsync(new ScrubClaimRequest { Claim = claims[next % claims.Length] }, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                        result.Record(started);
                        acks?.Add(response.ScrubId);
                        await ConfirmSomeAsync(outcomes, response.ScrubId, confirmRatio).ConfigureAwait(false);
                        break;
                }
            }
            catch (RpcException ex)
            {
                result.Error($"{ex.StatusCode}: {ex.Status.Detail}");
            }

            next++;
            sent++;
        }

        return result;
    }

    /// <summary>Confirms <paramref name="ratio"/> of the scrubs as sent, chosen by the scrub id so a rerun picks alike.
    /// Not timed: the scrub's latency is what the run measures.</summary>
    private static async Task ConfirmSomeAsync(Outcomes.OutcomesClient outcomes, string scrubId, double ratio)
    {
        if (ratio > 0 && scrubId.Length > 0 && StableHash(scrubId) % 1000 < ratio * 1000)
        {
            await outcomes.ConfirmSubmissionAsync(new ConfirmSubmissionRequest { ScrubId = scrubId }, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>FNV-1a: the same on every run, unlike string.GetHashCode.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static async Task<List<string>> StreamBatchAsync(ClaimScrubber.ClaimScrubberClient scrubber, Claim[] claims, int first, WorkerResult result, AckLog? acks)
    {
        var started = Stopwatch.GetTimestamp();
        var scrubIds = new List<string>(StreamBatch);
        using var call = scrubber.ScrubClaims();
        var reading = Task.Run(async () =>
        {
            await foreach (var response in call.ResponseStream.ReadAllAsync().ConfigureAwait(false))
            {
                result.Record(started);
                acks?.Add(response.ScrubId);
                scrubIds.Add(response.ScrubId);
            }
        });
        for (var i = 0; i < StreamBatch; i++)
        {
            await call.RequestStream.WriteAsync(new ScrubClaimRequest { Claim = claims[(first + i) % claims.Length] }).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        await reading.ConfigureAwait(false);
        return scrubIds;
    }
}

/// <summary>What one worker measured: latencies in milliseconds and errors.</summary>
internal sealed class WorkerResult
{
    public List<double> Latencies { get; } = new(1 << 16);

    /// <summary>When each call ended (<see cref="Stopwatch"/> timestamps), beside <see cref="Latencies"/>.</summary>
    public List<long> Ends { get; } = new(1 << 16);

    public int Errors { get; private set; }

    public List<string> ErrorSamples { get; } = [];

    public void Record(long startedTimestamp)
    {
        var now = Stopwatch.GetTimestamp();
        Latencies.Add(Stopwatch.GetElapsedTime(startedTimestamp, now).TotalMilliseconds);
        Ends.Add(now);
    }

    public void Error(string message)
    {
        Errors++;
        if (ErrorSamples.Count < 5)
        {
            ErrorSamples.Add(message);
        }
    }
}
