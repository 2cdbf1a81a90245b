using System.Collections.Immutable;

namespace Scrubber.Core.Ncci;

/// <summary>The resident releases of one table, oldest first; each date of service is edited with the release in force.</summary>
public sealed class NcciTableSet
{
    public NcciTableSet(NcciTableKind kind, ImmutableArray<PtpTable> releases)
    {
        if (releases.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A table set needs at least one release.", nameof(releases));
        }

        Kind = kind;
        Releases = [.. releases.OrderBy(r => r.Info.AppliesFrom)];
    }

    public NcciTableKind Kind { get; }

    /// <summary>Releases ordered by the first date of service they apply to.</summary>
    public ImmutableArray<PtpTable> Releases { get; }

    /// <summary>The release for a date of service: the latest one that applies from on or before it.</summary>
    /// <remarks>
    /// A date before every loaded release uses the oldest: each release carries its history (deleted rows keep
    /// their dates), so it still answers correctly for earlier dates, minus later retroactive corrections.
    /// </remarks>
    public PtpTable For(DateOnly serviceDate)
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
