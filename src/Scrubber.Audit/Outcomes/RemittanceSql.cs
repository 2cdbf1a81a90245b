using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Outcomes;

/// <summary>The statements that stage, fill, publish and drop an 835; prepared once by the writer.</summary>
internal static class RemittanceSql
{
    public const string Published = "SELECT file_id FROM remittance_files WHERE sha256 = @p0 AND published = 1";

    public const string StageFile =
        "INSERT INTO remittance_files (sha256, name, ingested_at, claims, lines, published) VALUES (@p0, @p1, @p2, @p3, @p4, 0) RETURNING file_id";

    /// <summary>A claim counts in reports on its payment date, else on the day its file came in.</summary>
    public const string InsertClaim =
        "INSERT INTO remit_claims (file_id, seq, claim_id, status, charge_cents, paid_cents, payer_claim_number, scrub_id, paid_on, outcome_day) " +
        "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, COALESCE(@p8, (SELECT substr(f.ingested_at, 1, 10) FROM remittance_files f WHERE f.file_id = @p0))) " +
        "RETURNING remit_claim_id";

    public const string InsertLine =
        "INSERT INTO remit_lines (remit_claim_id, seq, line_control_number, code, modifiers, original_code, service_date, charge_cents, " +
        "paid_cents, remarks, scrub_id, line_id, match_method, denied_in_full) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13) " +
        "RETURNING remit_line_id";

    public const string InsertAdjustment =
        "INSERT INTO remit_adjustments (remit_claim_id, remit_line_id, group_code, reason, amount_cents, quantity) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)";

    public const string ReversalsOf = "SELECT remit_claim_id, claim_id, payer_claim_number FROM remit_claims WHERE file_id = @p0 AND status = '22' ORDER BY remit_claim_id";

    /// <summary>A reversal cancels the latest payment of its claim before it, in published files or earlier in its own
    /// file; other files still being staged are not there yet.</summary>
    public const string Reverse =
        "UPDATE remit_claims SET reversed_by = @p0 WHERE remit_claim_id = (SELECT MAX(c.remit_claim_id) FROM remit_claims c " +
        "JOIN remittance_files f ON f.file_id = c.file_id WHERE c.claim_id = @p1 AND c.status <> '22' AND c.reversed_by IS NULL " +
        "AND c.remit_claim_id < @p0 AND (@p2 = '' OR c.payer_claim_number = @p2) AND (f.published = 1 OR f.file_id = @p3))";

    public const string Publish = "UPDATE remittance_files SET sha256 = @p0, published = 1 WHERE file_id = @p1";

    private const string DropAdjustments = "DELETE FROM remit_adjustments WHERE remit_claim_id IN (SELECT remit_claim_id FROM remit_claims WHERE file_id = @p0)";

    private const string DropLines = "DELETE FROM remit_lines WHERE remit_claim_id IN (SELECT remit_claim_id FROM remit_claims WHERE file_id = @p0)";

    private const string DropClaims = "DELETE FROM remit_claims WHERE file_id = @p0";

    private const string DropFile = "DELETE FROM remittance_files WHERE file_id = @p0 AND published = 0";

    /// <summary>Deletes every row of a staged file.</summary>
    public static void DropStaged(DbConnection connection, DbTransaction transaction, PreparedStatements statements, long fileId)
    {
        foreach (var sql in (string[])[DropAdjustments, DropLines, DropClaims, DropFile])
        {
            PreparedStatements.Run(statements.For(connection, transaction, sql, 1), fileId);
        }
    }

    /// <summary>Files left staged by a process that stopped mid-ingest: none of them was answered, so none is kept.
    /// Only files staged before <paramref name="stagedBefore"/> go: on a store that replicas share, another process
    /// may be staging one right now.</summary>
    public static void DropAbandoned(DbConnection connection, DateTimeOffset stagedBefore)
    {
        const string Abandoned = "SELECT file_id FROM remittance_files WHERE published = 0 AND ingested_at < @p0";
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, transaction,
            $"DELETE FROM remit_adjustments WHERE remit_claim_id IN (SELECT remit_claim_id FROM remit_claims WHERE file_id IN ({Abandoned}))", Dates.Text(stagedBefore));
        Sql.Execute(connection, transaction,
            $"DELETE FROM remit_lines WHERE remit_claim_id IN (SELECT remit_claim_id FROM remit_claims WHERE file_id IN ({Abandoned}))", Dates.Text(stagedBefore));
        Sql.Execute(connection, transaction, $"DELETE FROM remit_claims WHERE file_id IN ({Abandoned})", Dates.Text(stagedBefore));
        Sql.Execute(connection, transaction, "DELETE FROM remittance_files WHERE published = 0 AND ingested_at < @p0", Dates.Text(stagedBefore));
        transaction.Commit();
    }
}
