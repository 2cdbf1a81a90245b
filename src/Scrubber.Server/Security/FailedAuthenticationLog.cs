using System.Collections.Concurrent;
using Scrubber.Server.Diagnostics;

namespace Scrubber.Server.Security;

/// <summary>Logs failed dashboard sign-ins, and calls refused for an unknown key or certificate, at most once per client
/// address per minute, with a count, so that a guesser cannot flood the log: the first failure from an address is
/// logged at once, the ones after it within the minute are counted and logged as one line when the minute is up.</summary>
internal sealed class FailedAuthenticationLog : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger<FailedAuthenticationLog> _logger;
    private readonly ITimer _flush;

    public FailedAuthenticationLog(TimeProvider time, ILogger<FailedAuthenticationLog> logger)
    {
        (_time, _logger) = (time, logger);
        _flush = time.CreateTimer(_ => Flush(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    /// <summary>Counts a failure from <paramref name="address"/>; <paramref name="throttled"/> when a sign-in was refused
    /// for too many attempts rather than for a wrong key.</summary>
    public void Failed(string address, bool throttled)
    {
        var now = _time.GetUtcNow();
        var tally = _tallies.GetOrAdd(address, _ => new Tally());
        lock (tally)
        {
            tally.Since ??= now;
            tally.Count++;
            tally.Throttled += throttled ? 1 : 0;
            if (tally.LoggedAt is not { } logged || now - logged >= Minute)
            {
                Write(address, tally, now);
            }
        }
    }

    public void Dispose() => _flush.Dispose();

    private void Flush()
    {
        var now = _time.GetUtcNow();
        foreach (var (address, tally) in _tallies)
        {
            lock (tally)
            {
                if (now - tally.LoggedAt < Minute)
                {
                    continue;
                }

                if (tally.Count > 0)
                {
                    Write(address, tally, now);
                }
                else
                {
                    // Quiet for a minute: forget the address, so the next failure from it is logged at once.
                    _tallies.TryRemove(address, out _);
                }
            }
        }
    }

    private void Write(string address, Tally tally, DateTimeOffset now)
    {
        Log.AuthenticationFailed(_logger, tally.Count, address, tally.Since!.Value, tally.Throttled);
        (tally.LoggedAt, tally.Since, tally.Count, tally.Throttled) = (now, null, 0, 0);
    }

    private sealed class Tally
    {
        public DateTimeOffset? LoggedAt { get; set; }

        public DateTimeOffset? Since { get; set; }

        public int Count { get; set; }

        public int Throttled { get; set; }
    }
}
