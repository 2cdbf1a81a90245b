using System.Data.Common;
using Scrubber.Audit.Reports;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Retention;

/// <summary>One batch of a purge's outcomes: the next remittance claims after <paramref name="after"/> (in key order, so
/// a purge reads the table once however many batches it takes) whose outcome day is before the purge's day,
/// their denied lines kept as weekly aggregates, then their lines, adjustments and the claims removed, all in one
/// transaction. Files still being staged are never touched.</summary>
/// <remarks>Returns the last key taken (0 when nothing is left to purge), how many claims, lines and denied lines it
/// took, and the aggregate rows written.</remarks>
internal sealed class PurgeOutcomesWrite(DateOnly before, long after, int batchSize) : IWrite<(long Last, long Claims, long Lines, long Denied, long Aggregates)>
{
    private const string Batch = """
        SELECT rc.remit_claim_id FROM remit_claims rc JOIN remittance_files f ON f.file_id = rc.file_id
        WHERE rc.remit_claim_id > @p0 AND rc.outcome_day < @p1 AND f.published = 1 ORDER BY rc.remit_claim_id LIMIT @p2
        """;

    private const string Chosen = """
        SELECT rc.remit_claim_id FROM remit_claims rc JOIN remittance_files f ON f.file_id = rc.file_id
        WHERE rc.remit_claim_id BETWEEN @p0 AND @p1 AND rc.outcome_day < @p2 AND f.published = 1
        """;

    private const string InsertAggregate = """
        INSERT INTO weekly_aggregates (week, monday, payer_id, provider, family, group_code, column1, denied_code, indicator, root_cause,
                                       resolution, occurrences, denied_cents, max_units, context_codes)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14)
        """;

    public (long Last, long Claims, long Lines, long Denied, long Aggregates) Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        var day = Dates.Text(before);
        var ids = Sql.Rows(connection, transaction, Batch, r => r.GetInt64(0), after, day, batchSize);
        if (ids.Count == 0)
        {
            return (0, 0, 0, 0, 0);
        }

        var (first, last) = (ids[0], ids[^1]);
        var denied = SentLineOutcomes.Read(connection, new ReportFilter(To: before.AddDays(-1)), transaction, (first, last))
            .Where(l => l.Family is not null).ToList();
        var aggregates = WeeklyAggregate.Of(denied);
        foreach (var a in aggregates)
        {
            Sql.Execute(connection, transaction, InsertAggregate, a.Week, Dates.Text(a.Monday), a.PayerId, a.Provider, a.Family, a.Group, a.Column1,
                a.DeniedCode, a.Indicator, a.RootCause, a.Resolution, a.Occurrences, a.DeniedCents, a.MaxUnits, string.Join(' ', a.ContextCodes));
        }

        // The claims whose outcomes change: those of the batch, and those a reversal in it had cancelled.
        var claims = Sql.Rows(connection, transaction,
            $"SELECT s.claim_id FROM remit_claims rc JOIN scrubs s ON s.scrub_id = rc.scrub_id WHERE rc.remit_claim_id IN ({Chosen}) " +
            $"UNION SELECT s.claim_id FROM remit_claims rc JOIN scrubs s ON s.scrub_id = rc.scrub_id WHERE rc.reversed_by IN ({Chosen})",
            r => r.GetString(0), first, last, day);

        // A claim reversed by one of these keeps its own row, no longer pointing at a row that is gone.
        Sql.Execute(connection, transaction, $"UPDATE remit_claims SET reversed_by = NULL WHERE reversed_by IN ({Chosen})", first, last, day);
        Sql.Execute(connection, transaction, $"DELETE FROM remit_adjustments WHERE remit_claim_id IN ({Chosen})", first, last, day);
        var lines = Sql.Execute(connection, transaction, $"DELETE FROM remit_lines WHERE remit_claim_id IN ({Chosen})", first, last, day);
        var removed = Sql.Execute(connection, transaction, $"DELETE FROM remit_claims WHERE remit_claim_id IN ({Chosen})", first, last, day);
        LineFacts.Refresh(connection, transaction, statements, claims);
        return (last, removed, lines, denied.Count, aggregates.Count);
    }
}
