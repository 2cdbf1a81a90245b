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

    public static string Describe(long? bytes) => bytes is { } b ? $"{b / 1024.0 / 1024.0:F0} MiB" : "n/a";
}
