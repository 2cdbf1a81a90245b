using System.Collections.Immutable;
using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Outcomes;

/// <summary>Every claim and line of one ingested 835 that is not tied to a sent scrub, in file order.</summary>
internal static class UnmatchedQuery
{
    private const string Claims = """
        SELECT rc.claim_id, rc.payer_claim_number FROM remit_claims rc JOIN remittance_files f ON f.file_id = rc.file_id
        WHERE f.sha256 = @p0 AND rc.scrub_id IS NULL ORDER BY rc.remit_claim_id
        """;

    private const string Lines = """
        SELECT rc.claim_id, l.line_control_number, l.code, l.service_date, rc.scrub_id IS NOT NULL
        FROM remit_lines l JOIN remit_claims rc ON rc.remit_claim_id = l.remit_claim_id JOIN remittance_files f ON f.file_id = rc.file_id
        WHERE f.sha256 = @p0 AND l.match_method = 'unmatched' ORDER BY l.remit_line_id
        """;

    /// <summary>The unmatched claims and lines of the file with content hash <paramref name="sha256"/>, or null when no
    /// such file was ingested.</summary>
    public static UnmatchedList? Run(DbConnection connection, string sha256)
    {
        using var transaction = connection.BeginTransaction();
        if (Scalar(connection, transaction, "SELECT 1 FROM remittance_files WHERE sha256 = @p0", sha256) is null)
        {
            return null;
        }

        var claims = Read(connection, transaction, Claims, sha256, r => new UnmatchedRemitClaim(r.GetString(0), r.GetString(1), UnmatchedReasons.Claim));
        var lines = Read(connection, transaction, Lines, sha256, r => new UnmatchedRemitLine(
            r.GetString(0), r.GetString(1), r.GetString(2),
            r.IsDBNull(3) ? null : Dates.Day(r.GetString(3)),
            r.GetBoolean(4) ? UnmatchedReasons.Line : UnmatchedReasons.LineOfUnmatchedClaim));
        return new UnmatchedList(sha256, claims, lines);
    }

    private static ImmutableArray<T> Read<T>(DbConnection connection, DbTransaction transaction, string sql, string sha256, Func<DbDataReader, T> row) =>
        [.. Sql.Rows(connection, transaction, sql, row, sha256)];

    private static object? Scalar(DbConnection connection, DbTransaction transaction, string sql, string sha256) =>
        Sql.Scalar(connection, transaction, sql, sha256);
}

/// <summary>Every unmatched claim and line of one ingested 835.</summary>
public sealed record UnmatchedList(string Sha256, ImmutableArray<UnmatchedRemitClaim> Claims, ImmutableArray<UnmatchedRemitLine> Lines);
