using System.Globalization;

namespace Scrubber.Load;

/// <summary>The server's resident memory, read from /proc (Linux), for checking it returns to steady after swaps.</summary>
internal static class ServerMemory
{
    public static long? ResidentBytes(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status"))
        {
            return null;
        }

        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Samples the resident memory every <paramref name="every"/> until stopped.</summary>
    public static async Task<IReadOnlyList<long>> SampleAsync(int pid, TimeSpan every, CancellationToken stop)
    {
        var samples = new List<long>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (ResidentBytes(pid) is { } bytes)
            {
                samples.Add(bytes);
                Console.Error.WriteLine($"server resident memory: {Describe(bytes)}");
            }
        }

        return samples;
    }

    public static string Describe(long? bytes) => bytes is { } b ? $"{b / 1024.0 / 1024.0:F0} MiB" : "n/a";
}
