using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Retention;

/// <summary>One batch of a purge's scrubs: the next records after <paramref name="after"/> (in key order) that were
/// scrubbed before the purge's day and that no remaining remittance names, removed with every row derived from them.
/// A scrub an outcome still holds stays, so a report never loses a line it counts.</summary>
/// <remarks>Returns the records it looked at (none when the pass is done), the last key, and how many it removed.</remarks>
internal sealed class PurgeScrubsWrite(DateOnly before, string after, int batchSize) : IWrite<(int Seen, string Last, long Removed)>
{
    private const string Next = "SELECT scrub_id, claim_id, scrubbed_at FROM scrub_records WHERE scrub_id > @p0 ORDER BY scrub_id LIMIT @p1";

    /// <summary>The claim a replacement stood for: its denials were worked by the replacement, and no longer are.</summary>
    private const string OriginalOf = "SELECT original_claim_id FROM scrubs WHERE scrub_id = @p0 AND frequency = 'Replacement'";

    private const string HeldByAnOutcome = """
        SELECT 1 FROM remit_claims WHERE scrub_id = @p0
        UNION ALL SELECT 1 FROM remit_lines WHERE scrub_id = @p0
        """;

    // Children first: on PostgreSQL these tables name the scrub they belong to.
    // Children first: on PostgreSQL these tables name the scrub they belong to. Rows kept per claim are found by their
    // claim (their key) and scrub.
    private static readonly (string Sql, bool ByClaim)[] Derived =
    [
        ("DELETE FROM resolutions WHERE scrub_id = @p0", false),
        ("DELETE FROM sent_lines WHERE claim_id = @p1 AND scrub_id = @p0", true),
        ("DELETE FROM claim_submissions WHERE claim_id = @p1 AND scrub_id = @p0", true),
        ("DELETE FROM edits WHERE scrub_id = @p0", false),
        ("DELETE FROM scrub_lines WHERE scrub_id = @p0", false),
        ("DELETE FROM scrubs WHERE scrub_id = @p0", false),
        ("DELETE FROM scrub_records WHERE scrub_id = @p0", false),
    ];

    public (int Seen, string Last, long Removed) Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        var cutoff = new DateTimeOffset(before.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks;
        var next = Sql.Rows(connection, transaction, Next, r => (ScrubId: r.GetString(0), ClaimId: r.GetString(1), At: r.GetInt64(2)), after, batchSize);
        long removed = 0;
        var changed = new List<string>();
        foreach (var (scrubId, claimId, at) in next)
        {
            if (at >= cutoff || Sql.Scalar(connection, transaction, HeldByAnOutcome, scrubId) is not null)
            {
                continue;
            }

            // Its claim may hold outcomes of another of its scrubs, whose edits stood while this one was not sent.
            changed.Add(claimId);
            if (Sql.Scalar(connection, transaction, OriginalOf, scrubId) is string { Length: > 0 } original)
            {
                changed.Add(original);
            }

            foreach (var (sql, byClaim) in Derived)
            {
                _ = byClaim ? Sql.Execute(connection, transaction, sql, scrubId, claimId) : Sql.Execute(connection, transaction, sql, scrubId);
            }

            removed++;
        }

        Reports.LineFacts.Refresh(connection, transaction, statements, changed);
        return (next.Count, next.Count == 0 ? after : next[^1].ScrubId, removed);
    }
}
