using System.Collections.Immutable;

namespace Scrubber.Core.AddOnCodes;

/// <summary>The resident add-on code releases, oldest first; each date of service is edited with the release in force.</summary>
public sealed class AddOnCodeTableSet
{
    public AddOnCodeTableSet(ImmutableArray<AddOnCodeTable> releases)
    {
        if (releases.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A table set needs at least one release.", nameof(releases));
        }

        Releases = [.. releases.OrderBy(r => r.Info.AppliesFrom)];
    }

    /// <summary>Releases ordered by the first date of service they apply to.</summary>
    public ImmutableArray<AddOnCodeTable> Releases { get; }

    /// <summary>The release for a date of service: the latest one that applies from on or before it.</summary>
    /// <remarks>A date before every loaded release uses the oldest: each release carries its history (deleted rows
    /// keep their dates), as the PTP tables do (<see cref="Ncci.NcciTableSet.For"/>).</remarks>
    public AddOnCodeTable For(DateOnly serviceDate)
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
