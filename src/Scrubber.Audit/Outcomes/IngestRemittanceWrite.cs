using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Scrubber.Audit.Schema;
using Scrubber.Audit.Scrubs;

namespace Scrubber.Audit.Outcomes;

/// <summary>Ingests one 835 in one transaction: every claim and line is stored, tied to the sent scrub and line when
/// it can be, and listed as unmatched when it cannot; nothing is dropped, and a failure ingests nothing.</summary>
internal sealed class IngestRemittanceWrite(Remittance remittance, DateTimeOffset ingestedAt) : IWrite
{
    private readonly List<UnmatchedRemitClaim> _unmatchedClaims = [];
    private readonly List<UnmatchedRemitLine> _unmatchedLines = [];
    private int _matchedClaims;
    private int _matchedLines;
    private int _deniedLines;

    public IngestResult? Result { get; private set; }

    public void Execute(SqliteConnection connection, SqliteTransaction transaction, PreparedStatements statements)
    {
        if (Scalar(connection, transaction, "SELECT file_id FROM remittance_files WHERE sha256 = $p0", remittance.Sha256) is long)
        {
            Result = Summary(duplicate: true);
            return;
        }

        var lineCount = remittance.Claims.Sum(c => c.Lines.Length);
        var fileId = (long)Scalar(connection, transaction,
            "INSERT INTO remittance_files (sha256, name, ingested_at, claims, lines) VALUES ($p0, $p1, $p2, $p3, $p4) RETURNING file_id",
            remittance.Sha256, remittance.Name, RecordScrubWrite.Time(ingestedAt), remittance.Claims.Length, lineCount)!;

        for (var i = 0; i < remittance.Claims.Length; i++)
        {
            IngestClaim(connection, transaction, fileId, i, remittance.Claims[i]);
        }

        Result = Summary(duplicate: false);
    }

    private void IngestClaim(SqliteConnection connection, SqliteTransaction transaction, long fileId, int seq, RemittanceClaim claim)
    {
        var sent = ClaimMatcher.FindSentScrub(connection, transaction, claim.ClaimId);
        if (sent is null)
        {
            _unmatchedClaims.Add(new UnmatchedRemitClaim(claim.ClaimId, claim.PayerClaimNumber, "no scrubbed claim has this claim id (CLP01)"));
        }
        else
        {
            _matchedClaims++;
        }

        var remitClaimId = (long)Scalar(connection, transaction,
            "INSERT INTO remit_claims (file_id, seq, claim_id, status, charge_cents, paid_cents, payer_claim_number, scrub_id, paid_on) " +
            "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8) RETURNING remit_claim_id",
            fileId, seq, claim.ClaimId, claim.Status, Money.ToCents(claim.Charge), Money.ToCents(claim.Paid), claim.PayerClaimNumber,
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
            IngestLine(connection, transaction, remitClaimId, i, claim, claim.Lines[i], sent, matcher);
        }
    }

    private void IngestLine(SqliteConnection connection, SqliteTransaction transaction, long remitClaimId, int seq, RemittanceClaim claim,
        RemittanceLine line, SentScrub? sent, LineMatcher? matcher)
    {
        var match = matcher?.Match(line);
        if (match is null)
        {
            _unmatchedLines.Add(new UnmatchedRemitLine(claim.ClaimId, line.LineControlNumber, line.ProcedureCode, line.ServiceDate,
                sent is null ? "its claim is unmatched" : "no sent line has this REF*6R, nor this code, modifiers, date and charge"));
        }
        else
        {
            _matchedLines++;
        }

        if (!claim.IsReversal && line.Adjustments.Any(a => DenialReasons.IsNcciRelated(a.Reason)))
        {
            _deniedLines++;
        }

        var remitLineId = (long)Scalar(connection, transaction,
            "INSERT INTO remit_lines (remit_claim_id, seq, line_control_number, code, modifiers, original_code, service_date, charge_cents, " +
            "paid_cents, remarks, scrub_id, line_id, match_method) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12) " +
            "RETURNING remit_line_id",
            remitClaimId, seq, line.LineControlNumber, line.ProcedureCode, string.Join(' ', line.Modifiers), line.OriginalProcedureCode,
            line.ServiceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Money.ToCents(line.Charge), Money.ToCents(line.Paid),
            string.Join(' ', line.RemarkCodes), match is null ? null : sent!.ScrubId, match?.LineId, match?.Method ?? "unmatched")!;
        InsertAdjustments(connection, transaction, remitClaimId, remitLineId, line.Adjustments);
    }

    private static void InsertAdjustments(SqliteConnection connection, SqliteTransaction transaction, long remitClaimId, long? remitLineId,
        ImmutableArray<RemittanceAdjustment> adjustments)
    {
        foreach (var adjustment in adjustments)
        {
            Scalar(connection, transaction,
                "INSERT INTO remit_adjustments (remit_claim_id, remit_line_id, group_code, reason, amount_cents, quantity) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)",
                remitClaimId, remitLineId, adjustment.Group, adjustment.Reason, Money.ToCents(adjustment.Amount), (double?)adjustment.Quantity);
        }
    }

    private IngestResult Summary(bool duplicate) =>
        new(remittance.Sha256, duplicate, remittance.Claims.Length, remittance.Claims.Sum(c => c.Lines.Length),
            duplicate ? 0 : _matchedClaims, duplicate ? 0 : _matchedLines, duplicate ? 0 : _deniedLines,
            remittance.Claims.Count(c => c.IsReversal), [.. _unmatchedClaims], [.. _unmatchedLines]);

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
