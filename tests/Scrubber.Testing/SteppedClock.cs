namespace Scrubber.Testing;

/// <summary>A clock whose timestamps move on by <see cref="Step"/> at every read, on each thread separately, so a
/// pack evaluation (which runs on one thread) sees the same time pass however many run at once. Wall-clock time
/// (<see cref="TimeProvider.GetUtcNow"/>) is the system's.</summary>
public sealed class SteppedClock(TimeSpan step) : TimeProvider, IDisposable
{
    private readonly ThreadLocal<long> _ticks = new(() => 0);

    public TimeSpan Step { get; set; } = step;

    /// <summary>Runs on every read, before the clock moves; a test can hold the reading thread here.</summary>
    public Action? OnRead { get; set; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        OnRead?.Invoke();
        return _ticks.Value += Step.Ticks;
    }

    public void Dispose() => _ticks.Dispose();
}
