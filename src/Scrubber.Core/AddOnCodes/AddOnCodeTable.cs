using System.Collections.Frozen;
using System.Collections.Immutable;
using Scrubber.Core.Claims;

namespace Scrubber.Core.AddOnCodes;

/// <summary>One release of the CMS add-on code edits, indexed by add-on code. Immutable once built.</summary>
/// <remarks>
/// Each add-on's rows are cut at load into spans of dates in which no row starts or ends, each span an
/// <see cref="AddOnCodeEntry"/> with its frozen set of primaries; a lookup is a dictionary probe and a walk over a
/// handful of spans, and allocates nothing.
/// </remarks>
public sealed class AddOnCodeTable
{
    private readonly FrozenDictionary<HcpcsCode, ImmutableArray<AddOnCodeEntry>> _entries;

    internal AddOnCodeTable(AddOnCodeTableInfo info, FrozenDictionary<HcpcsCode, ImmutableArray<AddOnCodeEntry>> entries)
    {
        Info = info;
        _entries = entries;
    }

    /// <summary>What was loaded: version, files and counts.</summary>
    public AddOnCodeTableInfo Info { get; }

    /// <summary>Finds what the file says of <paramref name="addOn"/> on <paramref name="serviceDate"/>.</summary>
    /// <returns>False when the code is not an add-on code with an edit in force on that date (never listed, not yet
    /// effective, or deleted).</returns>
    public bool TryGet(HcpcsCode addOn, DateOnly serviceDate, out AddOnCodeEntry entry)
    {
        if (_entries.TryGetValue(addOn, out var spans))
        {
            foreach (var span in spans)
            {
                if (span.From <= serviceDate && (span.Until is not { } until || serviceDate <= until))
                {
                    entry = span;
                    return true;
                }
            }
        }

        entry = null!;
        return false;
    }

    /// <summary>Whether <paramref name="code"/> is an add-on code with an edit in force on <paramref name="serviceDate"/>.</summary>
    public bool IsAddOn(HcpcsCode code, DateOnly serviceDate) => TryGet(code, serviceDate, out _);
}
