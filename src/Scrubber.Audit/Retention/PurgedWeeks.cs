using System.Data.Common;
using Scrubber.Audit.Reports;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Retention;

/// <summary>Reads the weekly aggregates purges kept, by the Mondays a filter's days can touch.</summary>
internal static class PurgedWeeks
{
    private const string Select = """
        SELECT week, monday, payer_id, provider, family, group_code, column1, denied_code, indicator, root_cause, resolution,
               occurrences, denied_cents, max_units, context_codes
        FROM weekly_aggregates WHERE monday BETWEEN @p0 AND @p1 AND (@p2 = '' OR payer_id = @p2) AND (@p3 = '' OR provider = @p3)
        """;

    public static IReadOnlyList<WeeklyAggregate> Read(DbConnection connection, ReportFilter filter)
    {
        var from = filter.From is { } f ? Dates.Text(f.AddDays(-6)) : Dates.First;
        var to = filter.To is { } t ? Dates.Text(t) : Dates.Last;
        return Sql.Rows(connection, null, Select, r => new WeeklyAggregate(
                r.GetString(0), Dates.Day(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), r.GetInt64(11), r.GetInt64(12), r.GetDouble(13),
                [.. r.GetString(14).Split(' ', StringSplitOptions.RemoveEmptyEntries)]),
            from, to, filter.PayerId ?? string.Empty, filter.Provider ?? string.Empty)
            .Where(a => a.CountsIn(filter)).ToList();
    }
}
