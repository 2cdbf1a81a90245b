using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Reports;

/// <summary>The claims whose facts an 835 changed: queued when it is published, rebuilt in short writes after it.</summary>
/// <remarks>An 835 of 77,000 claims takes seconds to rebuild; done in its publishing transaction it would hold every
/// scrub behind it that long. The queue is durable, so a process stopped half way leaves the rest queued, and the next
/// start rebuilds them. Until a queued claim is rebuilt a report shows it as before the 835.</remarks>
internal static partial class LineFacts
{
    /// <summary>The claims an 835 answered, and those whose payments its reversals cancelled.</summary>
    private const string QueueFile = """
        INSERT INTO line_facts_pending (claim_id)
        SELECT s.claim_id FROM remit_claims rc JOIN scrubs s ON s.scrub_id = rc.scrub_id WHERE rc.file_id = @p0
        UNION
        SELECT s.claim_id FROM remit_claims rc JOIN remit_claims r ON r.reversed_by = rc.remit_claim_id JOIN scrubs s ON s.scrub_id = r.scrub_id
        WHERE rc.file_id = @p0
        ON CONFLICT DO NOTHING
        """;

    private const string NextQueued = "SELECT claim_id FROM line_facts_pending ORDER BY claim_id LIMIT @p0";

    private static readonly ClaimStatement Dequeue = new("DELETE FROM line_facts_pending WHERE claim_id IN $claims");

    private const string NextClaims = "SELECT DISTINCT claim_id FROM scrubs WHERE claim_id > @p0 ORDER BY claim_id LIMIT @p1";

    /// <summary>Queues the claims of a published 835.</summary>
    public static void QueueFileClaims(DbConnection connection, DbTransaction transaction, PreparedStatements statements, long fileId) =>
        PreparedStatements.Run(statements.For(connection, transaction, QueueFile, 1), fileId);

    /// <summary>Rebuilds the next <see cref="ClaimsPerStatement"/> queued claims (a few milliseconds, as long as a group
    /// commit) and takes them off the queue; returns how many.</summary>
    public static int RefreshQueued(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        var claims = PreparedStatements.Rows(statements.For(connection, transaction, NextQueued, 1), r => r.GetString(0), (long)ClaimsPerStatement);
        if (claims.Count > 0)
        {
            Refresh(connection, transaction, statements, claims);
            var listed = Listed(claims);
            PreparedStatements.Run(Dequeue.For(connection, transaction, statements, listed), listed);
        }

        return claims.Count;
    }

    /// <summary>Rebuilds every queued claim, one transaction per <see cref="ClaimsPerStatement"/>: at start, what a
    /// process that stopped during an 835 left queued.</summary>
    public static void RefreshAllQueued(DbConnection connection)
    {
        using var statements = new PreparedStatements();
        for (var done = -1; done != 0;)
        {
            using var transaction = connection.BeginTransaction();
            done = RefreshQueued(connection, transaction, statements);
            transaction.Commit();
        }
    }

    /// <summary>Fills the facts and totals of a store written before them (the data step of schema 10), a hundred
    /// claims at a time, so memory follows the claims, not the store.</summary>
    public static void Backfill(DbConnection connection, DbTransaction transaction)
    {
        using var statements = new PreparedStatements();
        var next = statements.For(connection, transaction, NextClaims, 2);
        for (var after = string.Empty; ;)
        {
            var claims = PreparedStatements.Rows(next, r => r.GetString(0), after, (long)ClaimsPerStatement);
            if (claims.Count == 0)
            {
                return;
            }

            Rebuild(connection, transaction, statements, claims);
            after = claims[^1];
        }
    }
}
