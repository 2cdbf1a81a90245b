using Microsoft.Data.Sqlite;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Scrubs;

/// <summary>Marks a scrub as the one the PM system sent for its claim.</summary>
internal sealed class ConfirmSubmissionWrite(string scrubId, DateTimeOffset confirmedAt) : IWrite<string?>
{
    private const string Confirm =
        "INSERT INTO claim_submissions (claim_id, scrub_id, confirmed_at) SELECT claim_id, scrub_id, $p1 FROM scrubs WHERE scrub_id = $p0 " +
        "ON CONFLICT (claim_id) DO UPDATE SET scrub_id = excluded.scrub_id, confirmed_at = excluded.confirmed_at";

    private const string ClaimOf = "SELECT claim_id FROM scrubs WHERE scrub_id = $p0";

    /// <summary>Returns the confirmed scrub's claim id, or null when no scrub has that id.</summary>
    public string? Execute(SqliteConnection connection, SqliteTransaction transaction, PreparedStatements statements)
    {
        var find = statements.For(connection, transaction, ClaimOf, 1);
        find.Parameters[0].Value = scrubId;
        var claimId = find.ExecuteScalar() as string;
        if (claimId is not null)
        {
            PreparedStatements.Run(statements.For(connection, transaction, Confirm, 2), scrubId, RecordScrubWrite.Time(confirmedAt));
            SentHistory.Sent(connection, transaction, statements, scrubId);
        }

        return claimId;
    }
}
