using System.Collections.Frozen;
using System.Collections.Immutable;
using Scrubber.Core.Claims;

namespace Scrubber.Core.AddOnCodes;

/// <summary>Builds an <see cref="AddOnCodeTable"/> from the rows of one release.</summary>
internal static class AddOnCodeTableBuilder
{
    /// <param name="rows">Every row of the release.</param>
    /// <param name="version">The release.</param>
    /// <param name="appliesFrom">Its first date of service.</param>
    /// <param name="files">The files read.</param>
    public static AddOnCodeTable Build(List<AddOnCodeRow> rows, string version, DateOnly appliesFrom, ImmutableArray<string> files)
    {
        var entries = new Dictionary<HcpcsCode, ImmutableArray<AddOnCodeEntry>>();
        var conflicts = 0;
        foreach (var group in rows.GroupBy(r => r.AddOn))
        {
            var spans = Spans(group.Key, [.. group], ref conflicts);
            if (!spans.IsEmpty)
            {
                entries[group.Key] = spans;
            }
        }

        var info = new AddOnCodeTableInfo(
            version,
            appliesFrom,
            files,
            rows.Count,
            rows.Select(r => r.AddOn).Distinct().Count(),
            rows.Where(r => r.Primary is not null).Select(r => r.Primary!.Value).Distinct().Count(),
            conflicts);
        return new AddOnCodeTable(info, entries.ToFrozenDictionary());
    }

    /// <summary>Cuts one add-on's rows into spans of dates in which the same rows are in force.</summary>
    private static ImmutableArray<AddOnCodeEntry> Spans(HcpcsCode addOn, AddOnCodeRow[] rows, ref int conflicts)
    {
        // Every date on which a row starts or stops being in force (or a primary stops being a code).
        var starts = new SortedSet<DateOnly>();
        foreach (var row in rows)
        {
            starts.Add(row.Effective);
            foreach (var end in (ReadOnlySpan<DateOnly?>)[row.Deleted, row.AddOnDeleted, row.PrimaryDeleted])
            {
                if (end is { } last && last < DateOnly.MaxValue)
                {
                    starts.Add(last.AddDays(1));
                }
            }
        }

        var spans = ImmutableArray.CreateBuilder<AddOnCodeEntry>();
        var conflicted = false;
        var dates = starts.ToArray();
        for (var i = 0; i < dates.Length; i++)
        {
            var from = dates[i];
            var inForce = rows.Where(r => r.InForce(from)).ToArray();
            if (inForce.Length == 0)
            {
                continue;
            }

            var types = inForce.Select(r => r.Type).Distinct().ToArray();
            conflicted |= types.Length > 1;
            var type = Strictest(types);
            var primaries = inForce.Where(r => r.PrimaryInForce(from)).Select(r => r.Primary!.Value).ToFrozenSet();
            ImmutableArray<string> notes = [.. inForce.Select(r => r.Notes).OfType<string>().Distinct(StringComparer.Ordinal)];
            DateOnly? until = i + 1 < dates.Length ? dates[i + 1].AddDays(-1) : null;

            // A cut that changed nothing this add-on's edit says (another row's deletion outside the rows in force)
            // extends the span before it rather than making a second one alike.
            if (spans.Count > 0 && spans[^1] is var last && last.Until == from.AddDays(-1) && last.EditType == type &&
                last.Primaries.SetEquals(primaries) && last.Notes.SequenceEqual(notes))
            {
                spans[^1] = last with { Until = until };
                continue;
            }

            spans.Add(new AddOnCodeEntry(addOn, type, primaries, from, until, notes));
        }

        conflicts += conflicted ? 1 : 0;
        return spans.ToImmutable();
    }

    /// <summary>Type 1 (listed primaries only), then type 3, then type 2: the stricter reading when rows disagree.</summary>
    private static AddOnEditType Strictest(AddOnEditType[] types) =>
        types.Contains(AddOnEditType.ListedPrimariesOnly) ? AddOnEditType.ListedPrimariesOnly
        : types.Contains(AddOnEditType.ListedAndContractorPrimaries) ? AddOnEditType.ListedAndContractorPrimaries
        : AddOnEditType.ContractorPrimaries;
}
