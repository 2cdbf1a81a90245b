using System.Diagnostics;
using Google.Protobuf;
using Grpc.Net.Client;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary>Ingests an 835 every few seconds while the load runs, and remembers when each ingest ran and how long it
/// took, so the scrubs answered during ingests can be told from steady state.</summary>
internal sealed class Ingester(GrpcChannel channel, string file, TimeSpan every)
{
    public List<(long Start, long End)> Windows { get; } = [];

    public List<double> Seconds { get; } = [];

    public List<string> Failures { get; } = [];

    public async Task RunAsync(CancellationToken stop)
    {
        var outcomes = new Outcomes.OutcomesClient(channel);
        var content = await File.ReadAllBytesAsync(file, stop).ConfigureAwait(false);
        for (var round = 1; !stop.IsCancellationRequested; round++)
        {
            try
            {
                await Task.Delay(every, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Trailing line breaks change the file's hash and nothing else, so each round is a new file, not a duplicate.
            var request = new IngestRemittanceRequest
            {
                Content = ByteString.CopyFrom([.. content, .. Enumerable.Repeat((byte)'\n', round)]),
                FileName = $"{Path.GetFileName(file)}#{round}",
            };
            var start = Stopwatch.GetTimestamp();
            try
            {
                var reply = await outcomes.IngestRemittanceAsync(request, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                Console.Error.WriteLine($"ingested {reply.Claims} claims, {reply.Lines} lines in {Stopwatch.GetElapsedTime(start).TotalSeconds:F2} s");
            }
            catch (Grpc.Core.RpcException ex)
            {
                Failures.Add($"ingest failed: {ex.StatusCode}: {ex.Status.Detail}");
            }

            Windows.Add((start, Stopwatch.GetTimestamp()));
            Seconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }

    public bool During(long timestamp) => Windows.Any(w => timestamp >= w.Start && timestamp <= w.End);

    /// <summary>How long ingests ran in all, in seconds.</summary>
    public double WindowSeconds => Windows.Sum(w => (w.End - w.Start) / (double)Stopwatch.Frequency);
}
