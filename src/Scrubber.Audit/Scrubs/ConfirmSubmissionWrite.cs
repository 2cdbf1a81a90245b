using System.Data.Common;
using Scrubber.Audit.Records;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Scrubs;

/// <summary>Marks a scrub as the one the PM system sent for its claim: its claim's rows are derived from the records,
/// and its lines enter history.</summary>
internal sealed class ConfirmSubmissionWrite(string scrubId, DateTimeOffset confirmedAt, RecordDictionary dictionary) : IWrite<string?>
{
    private const string Confirm =
        "INSERT INTO claim_submissions (claim_id, scrub_id, confirmed_at) VALUES (@p0, @p1, @p2) " +
        "ON CONFLICT (claim_id) DO UPDATE SET scrub_id = excluded.scrub_id, confirmed_at = excluded.confirmed_at";

    private const string ClaimOf = "SELECT claim_id FROM scrub_records WHERE scrub_id = @p0";

    /// <summary>Returns the confirmed scrub's claim id, or null when no scrub has that id.</summary>
    public string? Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        if (PreparedStatements.Scalar(statements.For(connection, transaction, ClaimOf, 1), scrubId) is not string claimId)
        {
            return null;
        }

        ClaimRows.Derive(connection, transaction, statements, dictionary, claimId);
        PreparedStatements.Run(statements.For(connection, transaction, Confirm, 3), claimId, scrubId, Dates.Text(confirmedAt));
        SentHistory.Sent(connection, transaction, statements, scrubId);
        // The claim's edits now stand or fall with this scrub, and a replacement confirmed works its original's denials.
        Reports.LineFacts.Refresh(connection, transaction, statements, [claimId], onlyReported: true);
        return claimId;
    }
}
