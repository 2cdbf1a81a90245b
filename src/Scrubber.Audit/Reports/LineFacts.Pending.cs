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

    private const string Dequeue = "DELETE FROM line_facts_pending WHERE claim_id = @p0";

    /// <summary>How many claims one write rebuilds: a few milliseconds, as long as a group commit.</summary>
    public const int ClaimsPerWrite = 100;

    /// <summary>Queues the claims of a published 835.</summary>
    public static void QueueFileClaims(DbConnection connection, DbTransaction transaction, PreparedStatements statements, long fileId) =>
        PreparedStatements.Run(statements.For(connection, transaction, QueueFile, 1), fileId);

    /// <summary>Rebuilds up to <paramref name="max"/> queued claims and takes them off the queue; returns how many.</summary>
    public static int RefreshQueued(DbConnection connection, DbTransaction transaction, PreparedStatements statements, int max)
    {
        var next = statements.For(connection, transaction, NextQueued, 1);
        next.Parameters[0].Value = (long)max;
        var claims = new List<string>();
        using (var reader = next.ExecuteReader())
        {
            while (reader.Read())
            {
                claims.Add(reader.GetString(0));
            }
        }

        Refresh(connection, transaction, statements, claims);
        var dequeue = statements.For(connection, transaction, Dequeue, 1);
        foreach (var claimId in claims)
        {
            PreparedStatements.Run(dequeue, claimId);
        }

        return claims.Count;
    }

    /// <summary>Rebuilds every queued claim, one transaction per <see cref="ClaimsPerWrite"/>: at start, what a
    /// process that stopped during an 835 left queued.</summary>
    public static void RefreshAllQueued(DbConnection connection)
    {
        using var statements = new PreparedStatements();
        for (var done = -1; done != 0;)
        {
            using var transaction = connection.BeginTransaction();
            done = RefreshQueued(connection, transaction, statements, ClaimsPerWrite);
            transaction.Commit();
        }
    }

    /// <summary>Fills the facts of a store written before them (the data step of schema 10), a range of claims at a
    /// time, so memory follows the range, not the store.</summary>
    public static void Backfill(DbConnection connection, DbTransaction transaction)
    {
        const string NextClaims = "SELECT DISTINCT claim_id FROM scrubs WHERE claim_id > @p0 ORDER BY claim_id LIMIT 2000";
        using var statements = new PreparedStatements();
        for (var after = string.Empty; ;)
        {
            var claims = Sql.Rows(connection, transaction, NextClaims, r => r.GetString(0), after);
            if (claims.Count == 0)
            {
                return;
            }

            Rebuild(connection, transaction, statements, claims[0], claims[^1]);
            after = claims[^1];
        }
    }
}
