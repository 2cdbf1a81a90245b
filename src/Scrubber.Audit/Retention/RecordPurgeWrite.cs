using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Retention;

/// <summary>Keeps a line in the store for each purge: when, up to which day, and what it removed.</summary>
internal sealed class RecordPurgeWrite(DateOnly before, DateTimeOffset at, PurgeResult result) : IWrite<bool>
{
    private const string Insert = "INSERT INTO purges (purged_at, before_day, scrubs, outcomes, aggregated) VALUES (@p0, @p1, @p2, @p3, @p4)";

    public bool Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        Sql.Execute(connection, transaction, Insert, Dates.Text(at), Dates.Text(before), result.Scrubs, result.RemittanceClaims, result.DeniedLinesAggregated);
        return true;
    }
}
