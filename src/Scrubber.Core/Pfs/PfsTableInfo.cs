using System.Collections.Immutable;

namespace Scrubber.Core.Pfs;

/// <summary>What one loaded fee schedule RVU release holds and where it came from.</summary>
/// <param name="Version">e.g. <c>pfs-2026-07-01</c>: the release and the date it takes effect.</param>
/// <param name="AppliesFrom">First date of service looked up in this release (the file name's month, first day).</param>
/// <param name="Files">The file (or zip entry) read.</param>
/// <param name="Rows">Rows read: a code's global row and its modifier rows (26, TC, 53…).</param>
/// <param name="Codes">Distinct codes.</param>
/// <param name="ByGlobalDays">Global rows (no modifier) per <see cref="GlobalDays"/> value, indexed by it.</param>
public sealed record PfsTableInfo(
    string Version,
    DateOnly AppliesFrom,
    ImmutableArray<string> Files,
    int Rows,
    int Codes,
    ImmutableArray<int> ByGlobalDays)
{
    /// <summary>Global rows with this period.</summary>
    public int CodesWith(GlobalDays days) => ByGlobalDays[(int)days];
}
