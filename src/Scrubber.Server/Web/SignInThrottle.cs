using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Scrubber.Server.Security;

namespace Scrubber.Server.Web;

/// <summary>Counts sign-in attempts per client address and per presented key in one-minute windows, and says when one
/// is over <c>Security:SignIn:MaxAttemptsPerMinute</c>.</summary>
/// <remarks>A key is counted by its SHA-256, never by a prefix: every key starts with <c>scr_</c>, so a prefix bucket
/// would let one guesser lock every user out. The counts live in this process: a replica counts its own attempts.</remarks>
internal sealed class SignInThrottle(IOptions<SecurityOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Past this many buckets, windows that have ended are dropped before a new one is added.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly int _max = options.Value.SignIn.MaxAttemptsPerMinute;

    /// <summary>Counts one attempt in <paramref name="bucket"/>; null when it may go ahead, else how long until it may.</summary>
    public TimeSpan? Attempt(string bucket)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > PruneAbove)
        {
            foreach (var (key, old) in _windows)
            {
                if (now - old.Start >= Minute)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }

        var window = _windows.GetOrAdd(bucket, _ => new Window(now));
        lock (window)
        {
            if (now - window.Start >= Minute)
            {
                (window.Start, window.Count) = (now, 0);
            }

            window.Count++;
            return window.Count <= _max ? null : window.Start + Minute - now;
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Count { get; set; }
    }
}
