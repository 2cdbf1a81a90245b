using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs.Documents;

namespace Scrubber.Core.Ncci;

/// <summary>Builds a table of its own from the rows a pack example declares, so the example proves the pack against
/// those rows whatever quarter is loaded.</summary>
internal static class AssumedTables
{
    /// <summary>The table, or null with errors naming the row when a code or date is not valid; <paramref name="pairs"/>
    /// receives the pairs it holds.</summary>
    public static NcciSnapshot? Build(IReadOnlyList<AssumedRow> rows, string file, List<Packs.PackError> errors,
        out ImmutableArray<(HcpcsCode Column1, HcpcsCode Column2)> pairs)
    {
        var builder = new PtpTableBuilder();
        var held = ImmutableArray.CreateBuilder<(HcpcsCode, HcpcsCode)>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var where = $"assumes[{i}]";
            if (!HcpcsCode.TryParse(row.Column1, out var column1) || !HcpcsCode.TryParse(row.Column2, out var column2))
            {
                errors.Add(new Packs.PackError(file, null, $"{where}: '{row.Column1}/{row.Column2}' is not a pair of HCPCS codes"));
                continue;
            }

            if (Days(row.Effective) is not { } effective || (row.Deletion is { } d ? Days(d) : PtpDate.Open) is not { } deletion || deletion < effective)
            {
                errors.Add(new Packs.PackError(file, null, $"{where}: the dates '{row.Effective}' to '{row.Deletion ?? "*"}' are not a valid window"));
                continue;
            }

            builder.Add(column1, column2, effective, deletion, (byte)row.Indicator, before1996: false, Encoding.Latin1.GetBytes(row.Rationale ?? string.Empty));
            held.Add((column1, column2));
        }

        pairs = held.ToImmutable();
        if (builder.Count == 0)
        {
            return null;
        }

        // The rows stand for whichever table the pack edits with: either setting, Medicare's or Medicaid's.
        var practitioner = Table(builder, NcciTableKind.Practitioner, file);
        var outpatient = new NcciTableSet(NcciTableKind.OutpatientHospital, [.. practitioner.Releases]);
        return new NcciSnapshot(practitioner, outpatient, DateTimeOffset.UnixEpoch)
        {
            Medicaid = new MedicaidNcciTables(practitioner, outpatient, Mue.MueTables.None),
        };
    }

    private static NcciTableSet Table(PtpTableBuilder builder, NcciTableKind kind, string file)
    {
        var table = builder.Build(counts => new NcciTableInfo(kind, "assumed by " + Path.GetFileName(file), DateOnly.MinValue, [], [file],
            counts.Rows, counts.Pairs, 0, counts.Overlaps));
        return new NcciTableSet(kind, [table]);
    }

    private static ushort? Days(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1980 && date <= PtpDate.Latest
            ? PtpDate.ToDays(date)
            : null;
}
