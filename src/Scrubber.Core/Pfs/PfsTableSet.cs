using System.Collections.Immutable;

namespace Scrubber.Core.Pfs;

/// <summary>The resident fee schedule RVU releases, oldest first; each date of service is looked up in the release in
/// force on it.</summary>
public sealed class PfsTableSet
{
    public PfsTableSet(ImmutableArray<PfsTable> releases)
    {
        if (releases.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A table set needs at least one release.", nameof(releases));
        }

        Releases = [.. releases.OrderBy(r => r.Info.AppliesFrom)];
    }

    /// <summary>Releases ordered by the first date of service they apply to.</summary>
    public ImmutableArray<PfsTable> Releases { get; }

    /// <summary>The release in force on a date of service: the latest that applies from on or before it; a date before
    /// every loaded release uses the oldest (the file carries no row history, so it is the nearest answer there is).</summary>
    public PfsTable For(DateOnly serviceDate)
    {
        var releases = Releases.AsSpan();
        for (var i = releases.Length - 1; i > 0; i--)
        {
            if (releases[i].Info.AppliesFrom <= serviceDate)
            {
                return releases[i];
            }
        }

        return releases[0];
    }
}
