using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Scrubber.Audit.Schema;
using Scrubber.Audit.Scrubs;

namespace Scrubber.Audit.Outcomes;

/// <summary>Ingests one 835 in one transaction: every claim and line is stored, tied to the sent scrub and line when
/// it can be, and listed as unmatched when it cannot; nothing is dropped, and a failure ingests nothing.</summary>
/// <param name="remittance">The parsed file.</param>
/// <param name="ingestedAt">When.</param>
/// <param name="maxListed">The most unmatched claims, and lines, the result lists (all are stored and counted).</param>
internal sealed class IngestRemittanceWrite(Remittance remittance, DateTimeOffset ingestedAt, int maxListed) : IWrite<IngestResult>
{
    public IngestResult Execute(SqliteConnection connection, SqliteTransaction transaction, PreparedStatements statements)
    {
        if (Scalar(connection, transaction, "SELECT file_id FROM remittance_files WHERE sha256 = $p0", remittance.Sha256) is long)
        {
            return new IngestTally(maxListed).Result(remittance, duplicate: true);
        }

        var lineCount = remittance.Claims.Sum(c => c.Lines.Length);
        var fileId = (long)Scalar(connection, transaction,
            "INSERT INTO remittance_files (sha256, name, ingested_at, claims, lines) VALUES ($p0, $p1, $p2, $p3, $p4) RETURNING file_id",
            remittance.Sha256, remittance.Name, RecordScrubWrite.Time(ingestedAt), remittance.Claims.Length, lineCount)!;

        // The tally lives in this run only: when the writer re-runs the write alone after its batch failed, it starts over.
        var tally = new IngestTally(maxListed);
        for (var i = 0; i < remittance.Claims.Length; i++)
        {
            IngestClaim(connection, transaction, fileId, i, remittance.Claims[i], tally);
        }

        return tally.Result(remittance, duplicate: false);
    }

    private static void IngestClaim(SqliteConnection connection, SqliteTransaction transaction, long fileId, int seq, RemittanceClaim claim, IngestTally tally)
    {
        var sent = ClaimMatcher.FindSentScrub(connection, transaction, claim.ClaimId);
        tally.Claim(claim, sent is not null);
        var remitClaimId = (long)Scalar(connection, transaction,
            "INSERT INTO remit_claims (file_id, seq, claim_id, status, charge_cents, paid_cents, payer_claim_number, scrub_id, paid_on) " +
            "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8) RETURNING remit_claim_id",
            fileId, seq, claim.ClaimId, claim.Status, Money.ToCents(claim.Charge, "CLP03"), Money.ToCents(claim.Paid, "CLP04"), claim.PayerClaimNumber,
            sent?.ScrubId, claim.PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))!;

        if (claim.IsReversal)
        {
            // Applied in file order: the reversal cancels the latest payment of the claim before it.
            Scalar(connection, transaction,
                "UPDATE remit_claims SET reversed_by = $p0 WHERE remit_claim_id = (SELECT MAX(remit_claim_id) FROM remit_claims " +
                "WHERE claim_id = $p1 AND status <> '22' AND reversed_by IS NULL AND remit_claim_id < $p0 AND ($p2 = '' OR payer_claim_number = $p2))",
                remitClaimId, claim.ClaimId, claim.PayerClaimNumber);
        }

        InsertAdjustments(connection, transaction, remitClaimId, null, claim.Adjustments);
        var matcher = sent is null ? null : new LineMatcher(ClaimMatcher.SentLines(connection, transaction, sent.ScrubId));
        for (var i = 0; i < claim.Lines.Length; i++)
        {
            var line = claim.Lines[i];
            var match = matcher?.Match(line);
            tally.Line(claim, line, sent is not null, match is not null);
            var remitLineId = (long)Scalar(connection, transaction,
                "INSERT INTO remit_lines (remit_claim_id, seq, line_control_number, code, modifiers, original_code, service_date, charge_cents, " +
                "paid_cents, remarks, scrub_id, line_id, match_method) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12) " +
                "RETURNING remit_line_id",
                remitClaimId, i, line.LineControlNumber, line.ProcedureCode, string.Join(' ', line.Modifiers), line.OriginalProcedureCode,
                line.ServiceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Money.ToCents(line.Charge, "SVC02"), Money.ToCents(line.Paid, "SVC03"),
                string.Join(' ', line.RemarkCodes), match is null ? null : sent!.ScrubId, match?.LineId, match?.Method ?? "unmatched")!;
            InsertAdjustments(connection, transaction, remitClaimId, remitLineId, line.Adjustments);
        }
    }

    private static void InsertAdjustments(SqliteConnection connection, SqliteTransaction transaction, long remitClaimId, long? remitLineId,
        ImmutableArray<RemittanceAdjustment> adjustments)
    {
        foreach (var adjustment in adjustments)
        {
            Scalar(connection, transaction,
                "INSERT INTO remit_adjustments (remit_claim_id, remit_line_id, group_code, reason, amount_cents, quantity) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)",
                remitClaimId, remitLineId, adjustment.Group, adjustment.Reason, Money.ToCents(adjustment.Amount, "CAS amount"), (double?)adjustment.Quantity);
        }
    }

    internal static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"$p{i}", values[i] ?? DBNull.Value);
        }

        return command.ExecuteScalar();
    }
}
