using Scrubber.Core.Packs;

namespace Scrubber.Server.Packs;

/// <summary>Holds the pack set in force. A request reads <see cref="Current"/> once and keeps that set to the end.</summary>
internal sealed class LivePacks
{
    private volatile PackSet _current = PackSet.Empty;

    public PackSet Current => _current;

    /// <summary>Whether the first load of the packs folder has finished (whatever it accepted).</summary>
    public bool Loaded { get; private set; }

    public void Publish(PackSet set)
    {
        _current = set;
        Loaded = true;
    }
}
