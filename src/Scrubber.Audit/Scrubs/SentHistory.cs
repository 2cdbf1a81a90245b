using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Scrubs;

/// <summary>Keeps <c>sent_lines</c>, the lines that count as sent for cross-claim edits: a claim enters when its scrub
/// is confirmed or an 835 adjudicates it, a replacement takes its original's place, a void or a reversal takes a claim
/// out, and a line the payer denied in full is set aside. Drafts never enter.</summary>
internal static class SentHistory
{
    private const string ScrubOf = "SELECT claim_id, frequency, original_claim_id FROM scrubs WHERE scrub_id = @p0";

    private const string DropClaim = "DELETE FROM sent_lines WHERE claim_id = @p0";

    private const string InsertScrub =
        "INSERT INTO sent_lines (claim_id, line_id, scrub_id, patient_key, service_date, billing_npi, rendering_npi, code, modifiers, charge_cents, units, taxonomy) " +
        "SELECT s.claim_id, l.line_id, s.scrub_id, s.patient_key, l.service_date, s.billing_npi, l.rendering_npi, l.code, l.modifiers, l.charge_cents, l.units, l.taxonomy " +
        "FROM scrubs s JOIN scrub_lines l ON l.scrub_id = s.scrub_id WHERE s.scrub_id = @p0 AND s.patient_key <> '' AND s.frequency <> 'Void' " +
        "ON CONFLICT DO NOTHING";

    /// <summary>The claims a published file adjudicates, with the scrub it adjudicated for each.</summary>
    private const string AdjudicatedOfFile =
        "SELECT DISTINCT s.claim_id, s.scrub_id FROM remit_claims rc JOIN scrubs s ON s.scrub_id = rc.scrub_id WHERE rc.file_id = @p0 AND rc.status <> '22'";

    /// <summary>A claim whose history is another scrub of it: the one the payer adjudicated replaces it. By key, one
    /// claim at a time, so the cost follows the file, not the history.</summary>
    private const string DropStale = "DELETE FROM sent_lines WHERE claim_id = @p0 AND scrub_id <> @p1";

    private const string InsertAdjudicated =
        "INSERT INTO sent_lines (claim_id, line_id, scrub_id, patient_key, service_date, billing_npi, rendering_npi, code, modifiers, charge_cents, units, taxonomy) " +
        "SELECT s.claim_id, l.line_id, s.scrub_id, s.patient_key, l.service_date, s.billing_npi, l.rendering_npi, l.code, l.modifiers, l.charge_cents, l.units, l.taxonomy " +
        "FROM scrubs s JOIN scrub_lines l ON l.scrub_id = s.scrub_id " +
        "WHERE s.scrub_id IN (SELECT scrub_id FROM remit_claims WHERE file_id = @p0 AND status <> '22' AND scrub_id IS NOT NULL) " +
        "AND s.patient_key <> '' AND s.frequency <> 'Void' ON CONFLICT DO NOTHING";

    private const string DropReplacedOfFile =
        "DELETE FROM sent_lines WHERE claim_id IN (SELECT s.original_claim_id FROM remit_claims rc JOIN scrubs s ON s.scrub_id = rc.scrub_id " +
        "WHERE rc.file_id = @p0 AND rc.status <> '22' AND s.frequency <> 'Original' AND s.original_claim_id NOT IN ('', s.claim_id))";

    /// <summary>Each line's latest word in this file decides whether it stands. The sent line is reached by its key
    /// (the claim of the remitted scrub, the line), so the cost follows the file, not the history.</summary>
    private const string MarkDenied =
        "UPDATE sent_lines SET denied = rl.denied_in_full FROM remit_lines rl JOIN remit_claims rc ON rc.remit_claim_id = rl.remit_claim_id " +
        "JOIN scrubs s ON s.scrub_id = rl.scrub_id " +
        "WHERE rc.file_id = @p0 AND rc.status <> '22' AND sent_lines.claim_id = s.claim_id AND sent_lines.line_id = rl.line_id " +
        "AND rl.scrub_id = sent_lines.scrub_id " +
        "AND rl.remit_line_id = (SELECT MAX(x.remit_line_id) FROM remit_lines x JOIN remit_claims xc ON xc.remit_claim_id = x.remit_claim_id " +
        "WHERE xc.file_id = @p0 AND xc.status <> '22' AND x.scrub_id = rl.scrub_id AND x.line_id = rl.line_id)";

    /// <summary>A claim whose last word in this file is a reversal no longer stands.</summary>
    private const string DropReversedOfFile =
        "DELETE FROM sent_lines WHERE claim_id IN (SELECT s.claim_id FROM remit_claims rc JOIN scrubs s ON s.scrub_id = rc.scrub_id " +
        "WHERE rc.file_id = @p0 AND rc.status = '22' AND NOT EXISTS (SELECT 1 FROM remit_claims r2 WHERE r2.file_id = @p0 " +
        "AND r2.scrub_id = rc.scrub_id AND r2.status <> '22' AND r2.remit_claim_id > rc.remit_claim_id))";

    /// <summary>The scrub was sent: its claim's lines become these (none for a void), and a replacement or void takes
    /// the claim it stands for out.</summary>
    public static void Sent(DbConnection connection, DbTransaction transaction, PreparedStatements statements, string scrubId)
    {
        var find = statements.For(connection, transaction, ScrubOf, 1);
        find.Parameters[0].Value = scrubId;
        string claimId, originalClaimId;
        using (var reader = find.ExecuteReader())
        {
            if (!reader.Read())
            {
                return;
            }

            (claimId, originalClaimId) = (reader.GetString(0), reader.GetString(2));
        }

        PreparedStatements.Run(statements.For(connection, transaction, DropClaim, 1), claimId);
        PreparedStatements.Run(statements.For(connection, transaction, InsertScrub, 1), scrubId);
        if (originalClaimId.Length > 0 && originalClaimId != claimId)
        {
            PreparedStatements.Run(statements.For(connection, transaction, DropClaim, 1), originalClaimId);
        }
    }

    /// <summary>An 835 was published: the claims it adjudicated were sent, and what it denied or reversed leaves.</summary>
    public static void Adjudicated(DbConnection connection, DbTransaction transaction, PreparedStatements statements, long fileId)
    {
        var dropStale = statements.For(connection, transaction, DropStale, 2);
        foreach (var (claimId, scrubId) in Sql.Rows(connection, transaction, AdjudicatedOfFile, r => (r.GetString(0), r.GetString(1)), fileId))
        {
            PreparedStatements.Run(dropStale, claimId, scrubId);
        }

        foreach (var sql in (string[])[InsertAdjudicated, DropReplacedOfFile, MarkDenied, DropReversedOfFile])
        {
            PreparedStatements.Run(statements.For(connection, transaction, sql, 1), fileId);
        }
    }
}
