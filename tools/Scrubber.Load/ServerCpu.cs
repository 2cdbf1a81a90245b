using System.Globalization;

namespace Scrubber.Load;

/// <summary>The CPU time a process has used, read from /proc (Linux), for what a server spends on calls nobody waits for.</summary>
internal static class ServerCpu
{
    /// <summary>Clock ticks a second in /proc/PID/stat: USER_HZ, 100 on every Linux the service runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU seconds of <paramref name="pid"/>, or null when /proc does not have it.</summary>
    public static double? Seconds(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat"))
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
