using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Reports;

/// <summary>Reads of the report facts for one filter: its days, payer and provider as SQL conditions on
/// <c>line_facts</c>, with their values bound (<c>@p0</c>, …), all in one snapshot so a report's queries add up.</summary>
/// <remarks>Only the conditions the filter sets are written: a payer's report then reads the index on (payer, day), a
/// report of some days the index on day, and one of the whole store reads the table straight through. The families
/// are left to each report's rules.</remarks>
internal sealed class FactQuery : IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly object?[] _values;

    public FactQuery(DbConnection connection, ReportFilter filter)
    {
        _connection = connection;
        _transaction = SqlDialect.Of(connection).BeginSnapshot(connection);
        var conditions = new List<string>();
        var values = new List<object?>();
        void Add(string condition, object value)
        {
            conditions.Add(condition.Replace("@p", $"@p{values.Count}", StringComparison.Ordinal));
            values.Add(value);
        }

        if (filter.PayerId is { } payer)
        {
            Add("payer_id = @p", payer);
        }

        // The weeks too: the indexes of denials and overrides lead with the week, so a range of weeks is a range of them.
        if (filter.From is { } from)
        {
            Add("week >= @p", FeedbackReports.Week(from));
            Add("day >= @p", Dates.Text(from));
        }

        if (filter.To is { } to)
        {
            Add("week <= @p", FeedbackReports.Week(to));
            Add("day <= @p", Dates.Text(to));
        }

        if (filter.Provider is { } provider)
        {
            Add("provider = @p", provider);
        }

        AllDays = filter.From is null && filter.To is null;
        Where = conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);
        _values = [.. values];
    }

    /// <summary>Whether the filter keeps to no days: its conditions are then on payer and provider alone, columns the
    /// totals kept per month and per pattern have too, so <see cref="Where"/> applies to them.</summary>
    public bool AllDays { get; }

    /// <summary>The filter's conditions on <c>line_facts</c>, for a statement's WHERE clause.</summary>
    public string Where { get; }

    /// <summary>The rows of <paramref name="sql"/> (which names <see cref="Where"/>'s values and no others).</summary>
    public List<T> Rows<T>(string sql, Func<DbDataReader, T> row) => Sql.Rows(_connection, _transaction, sql, row, _values);

    /// <summary>The lines covered, in claim and line order, as the facts hold them; <paramref name="and"/> narrows them
    /// by more conditions on the facts' columns, with <paramref name="values"/> bound as <c>@a0</c>, <c>@a1</c>, ….</summary>
    /// <remarks>Sorted here: asked to sort them, SQLite reads the whole table in key order rather than the few rows an
    /// index on the conditions finds.</remarks>
    public List<DeniedLine> Lines(string and = "", params object?[] values)
    {
        for (var i = values.Length - 1; i >= 0; i--)
        {
            and = and.Replace($"@a{i}", $"@p{_values.Length + i}", StringComparison.Ordinal);
        }

        return
        [
            .. Sql.Rows(_connection, _transaction, $"SELECT {LineFacts.Columns} FROM line_facts WHERE {Where} {and}", LineFacts.ToLine, [.. _values, .. values])
                .OrderBy(l => l.ClaimId, StringComparer.Ordinal).ThenBy(l => l.LineId, StringComparer.Ordinal),
        ];
    }

    public void Dispose() => _transaction.Dispose();
}
