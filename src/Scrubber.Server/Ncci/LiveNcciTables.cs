using Scrubber.Core.Ncci;

namespace Scrubber.Server.Ncci;

/// <summary>Holds the NCCI snapshot in force. A request reads <see cref="Current"/> once and keeps that snapshot to
/// the end, so a swap never changes the tables under a request in flight.</summary>
internal sealed class LiveNcciTables
{
    private volatile NcciSnapshot? _current;

    /// <summary>The snapshot in force, or null while the first load runs.</summary>
    public NcciSnapshot? Current => _current;

    /// <summary>Why the first load failed, or null; the host exits with code 1 when set.</summary>
    public string? LoadFailure { get; private set; }

    /// <summary>Publishes a fully built snapshot.</summary>
    public void Publish(NcciSnapshot snapshot) => _current = snapshot;

    /// <summary>Records that the tables could not be loaded.</summary>
    public void Fail(string reason) => LoadFailure = reason;
}
