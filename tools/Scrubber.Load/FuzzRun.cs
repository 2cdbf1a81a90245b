using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Scrubber.Client;
using Scrubber.Generators.Fuzzing;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary>Sends mutated claims (<see cref="ClaimMutator"/>) to a running service, unary and on streams, and checks
/// every answer against the invariant; exit 1 when any answer broke it or the service stopped serving.</summary>
internal static class FuzzRun
{
    public static async Task<int> RunAsync(FuzzSettings settings)
    {
        using var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        using var channel = ScrubberChannel.Open(new ScrubberChannelOptions(settings.Server, settings.ApiKey)
        {
            HttpHandler = handler,

            // Some answers name a violation per bad field of a large claim; the client must take what the server may send.
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        if (await HealthOf(channel) is not HealthCheckResponse.Types.ServingStatus.Serving and var before)
        {
            Console.Error.WriteLine($"The service at {settings.Server} is not SERVING ({before?.ToString() ?? "no answer"}).");
            return 3;
        }

        var driver = new FuzzDriver(new ClaimScrubber.ClaimScrubberClient(channel));
        var tally = new FuzzTally();
        var chunks = Channel.CreateBounded<(int Number, FuzzCase[] Cases)>(settings.Concurrency * 2);
        var stopwatch = Stopwatch.StartNew();
        var producing = Task.Run(async () =>
        {
            var mutator = new ClaimMutator(settings.Seed);
            for (var number = 0; number * FuzzSettings.Chunk < settings.Count; number++)
            {
                var size = Math.Min(FuzzSettings.Chunk, settings.Count - (number * FuzzSettings.Chunk));
                await chunks.Writer.WriteAsync((number, [.. mutator.Take(size)])).ConfigureAwait(false);
            }

            chunks.Writer.Complete();
        });
        var workers = Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(async () =>
        {
            await foreach (var (number, cases) in chunks.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await SendAsync(driver, number, cases, tally).ConfigureAwait(false);
                if ((number + 1) * FuzzSettings.Chunk % 10_000 == 0)
                {
                    Console.Error.WriteLine($"{tally.Total} cases, {tally.Broken} broken …");
                }
            }
        })).ToArray();
        await Task.WhenAll([producing, .. workers]).ConfigureAwait(false);

        var after = await HealthOf(channel).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed={settings.Seed} cases={tally.Total} broken={tally.Broken} health_after={after?.ToString() ?? "no answer"} elapsed={stopwatch.Elapsed.TotalSeconds:F1}s rate={tally.Total / stopwatch.Elapsed.TotalSeconds:F0}/s"));
        Console.WriteLine(tally.Report());
        return tally.Broken == 0 && after == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
    }

    /// <summary>Even chunks as one unary call per case, odd ones on one ScrubClaims stream.</summary>
    private static async Task SendAsync(FuzzDriver driver, int number, FuzzCase[] cases, FuzzTally tally)
    {
        if (number % 2 == 1)
        {
            var verdicts = await driver.ScrubStreamAsync(cases).ConfigureAwait(false);
            for (var i = 0; i < cases.Length; i++)
            {
                tally.Add(cases[i], verdicts[i]);
            }

            return;
        }

        foreach (var fuzzCase in cases)
        {
            tally.Add(fuzzCase, await driver.ScrubOneAsync(fuzzCase).ConfigureAwait(false));
        }
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus?> HealthOf(GrpcChannel channel)
    {
        try
        {
            var reply = await new Health.HealthClient(channel)
                .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10)).ConfigureAwait(false);
            return reply.Status;
        }
        catch (RpcException)
        {
            return null;
        }
    }
}
