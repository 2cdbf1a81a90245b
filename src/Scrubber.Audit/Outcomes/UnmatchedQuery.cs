using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Scrubber.Audit.Outcomes;

/// <summary>Every claim and line of one ingested 835 that is not tied to a sent scrub, in file order.</summary>
internal static class UnmatchedQuery
{
    private const string Claims = """
        SELECT rc.claim_id, rc.payer_claim_number FROM remit_claims rc JOIN remittance_files f ON f.file_id = rc.file_id
        WHERE f.sha256 = $sha AND rc.scrub_id IS NULL ORDER BY rc.remit_claim_id
        """;

    private const string Lines = """
        SELECT rc.claim_id, l.line_control_number, l.code, l.service_date, rc.scrub_id IS NOT NULL
        FROM remit_lines l JOIN remit_claims rc ON rc.remit_claim_id = l.remit_claim_id JOIN remittance_files f ON f.file_id = rc.file_id
        WHERE f.sha256 = $sha AND l.match_method = 'unmatched' ORDER BY l.remit_line_id
        """;

    /// <summary>The unmatched claims and lines of the file with content hash <paramref name="sha256"/>, or null when no
    /// such file was ingested.</summary>
    public static UnmatchedList? Run(SqliteConnection connection, string sha256)
    {
        using var transaction = connection.BeginTransaction();
        if (Scalar(connection, transaction, "SELECT 1 FROM remittance_files WHERE sha256 = $sha", sha256) is null)
        {
            return null;
        }

        var claims = Read(connection, transaction, Claims, sha256, r => new UnmatchedRemitClaim(r.GetString(0), r.GetString(1), UnmatchedReasons.Claim));
        var lines = Read(connection, transaction, Lines, sha256, r => new UnmatchedRemitLine(
            r.GetString(0), r.GetString(1), r.GetString(2),
            r.IsDBNull(3) ? null : DateOnly.ParseExact(r.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.GetBoolean(4) ? UnmatchedReasons.Line : UnmatchedReasons.LineOfUnmatchedClaim));
        return new UnmatchedList(sha256, claims, lines);
    }

    private static ImmutableArray<T> Read<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, string sha256, Func<SqliteDataReader, T> row)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$sha", sha256);
        using var reader = command.ExecuteReader();
        var rows = ImmutableArray.CreateBuilder<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows.ToImmutable();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, string sha256)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$sha", sha256);
        return command.ExecuteScalar();
    }
}

/// <summary>Every unmatched claim and line of one ingested 835.</summary>
public sealed record UnmatchedList(string Sha256, ImmutableArray<UnmatchedRemitClaim> Claims, ImmutableArray<UnmatchedRemitLine> Lines);
