using System.Diagnostics;
using Grpc.Net.Client;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary>Swaps tables or packs in the server every few seconds while the load runs, and remembers when each swap
/// ran, so latency during swaps can be told from steady state.</summary>
internal sealed class Swapper(GrpcChannel channel, LoadSettings settings)
{
    /// <summary>How long after a swap's answer its effects (collection of the old snapshot) still count as the swap.</summary>
    public static readonly TimeSpan Aftermath = TimeSpan.FromSeconds(1);

    public List<(long Start, long End)> Windows { get; } = [];

    public List<string> Failures { get; } = [];

    public async Task RunAsync(CancellationToken stop)
    {
        var admin = new Admin.AdminClient(channel);
        var edits = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.SwapEvery, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var start = Stopwatch.GetTimestamp();
            try
            {
                if (settings.Swap == "tables")
                {
                    await admin.ReloadTablesAsync(new ReloadTablesRequest(), cancellationToken: CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    // A trailing space changes the pack's content hash, so the reload swaps in a new version.
                    await File.AppendAllTextAsync(settings.PackFile!, (++edits % 2 == 1) ? " " : "\n", CancellationToken.None).ConfigureAwait(false);
                    var reply = await admin.ReloadPacksAsync(new ReloadPacksRequest(), cancellationToken: CancellationToken.None).ConfigureAwait(false);
                    var folder = Path.GetFullPath(Path.GetDirectoryName(settings.PackFile!)!);
                    var rejected = reply.PackRejections.Where(r => Path.GetFullPath(r.Folder) == folder).ToList();
                    if (rejected.Count > 0)
                    {
                        Failures.Add("pack rejected: " + string.Join("; ", rejected.SelectMany(r => r.Errors)));
                    }
                }
            }
            catch (Grpc.Core.RpcException ex)
            {
                Failures.Add($"swap failed: {ex.StatusCode}: {ex.Status.Detail}");
            }

            Windows.Add((start, Stopwatch.GetTimestamp() + (long)(Aftermath.TotalSeconds * Stopwatch.Frequency)));
            Console.Error.WriteLine($"swapped {settings.Swap} in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms");
        }
    }

    public bool During(long timestamp) => Windows.Any(w => timestamp >= w.Start && timestamp <= w.End);
}
