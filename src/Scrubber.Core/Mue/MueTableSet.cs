using System.Collections.Immutable;

namespace Scrubber.Core.Mue;

/// <summary>The resident releases of one MUE table, oldest first; each date of service is edited with the release in
/// force on it.</summary>
public sealed class MueTableSet
{
    public MueTableSet(MueTableKind kind, ImmutableArray<MueTable> releases)
    {
        if (releases.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A table set needs at least one release.", nameof(releases));
        }

        Kind = kind;
        Releases = [.. releases.OrderBy(r => r.Info.AppliesFrom)];
    }

    public MueTableKind Kind { get; }

    /// <summary>Releases ordered by the first date of service they apply to.</summary>
    public ImmutableArray<MueTable> Releases { get; }

    /// <summary>The release in force on a date of service: the latest that applies from on or before it; a date before
    /// every loaded release uses the oldest (MUE files carry no row history, so it is the nearest answer there is).</summary>
    public MueTable For(DateOnly serviceDate)
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
