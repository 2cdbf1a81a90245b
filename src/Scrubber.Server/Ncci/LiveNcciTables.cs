using Scrubber.Core.Ncci;

namespace Scrubber.Server.Ncci;

/// <summary>Holds the NCCI snapshot in force. A request reads <see cref="Current"/> once and keeps that snapshot to
/// the end, so a swap never changes the tables under a request in flight.</summary>
internal sealed class LiveNcciTables
{
    private readonly TaskCompletionSource<NcciSnapshot> _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile NcciSnapshot? _current;
    private volatile NcciRejection? _lastRejection;

    /// <summary>The snapshot in force, or null while the first load runs.</summary>
    public NcciSnapshot? Current => _current;

    /// <summary>The last reload that was refused since the last one that succeeded, or null.</summary>
    public NcciRejection? LastRejection => _lastRejection;

    /// <summary>Why the first load failed, or null; the host exits with code 1 when set.</summary>
    public string? LoadFailure { get; private set; }

    /// <summary>Completes with the first snapshot published; fails when the first load fails.</summary>
    public Task<NcciSnapshot> FirstLoad => _firstLoad.Task;

    /// <summary>Publishes a fully built snapshot.</summary>
    public void Publish(NcciSnapshot snapshot)
    {
        _current = snapshot;
        _lastRejection = null;
        _firstLoad.TrySetResult(snapshot);
    }

    /// <summary>Records that a reload was refused; the snapshot in force stays.</summary>
    public void Reject(NcciRejection rejection) => _lastRejection = rejection;

    /// <summary>Records that the tables could not be loaded at start.</summary>
    public void Fail(string reason)
    {
        LoadFailure = reason;
        _firstLoad.TrySetException(new InvalidOperationException(reason));
    }
}

/// <summary>A reload that was refused: why (naming the setting, file and line) and when.</summary>
internal sealed record NcciRejection(string Reason, DateTimeOffset At);
