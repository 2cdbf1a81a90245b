using System.Data.Common;
using Scrubber.Audit.Schema;
using Scrubber.Audit.Scrubs;

namespace Scrubber.Audit.Outcomes;

/// <summary>Opens the staging of an 835: a file row no reader sees yet. Returns its id, or null when the same content
/// was already published (the file counts once).</summary>
internal sealed class StageRemittanceWrite(Remittance remittance, DateTimeOffset ingestedAt) : IWrite<long?>
{
    public long? Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        if (PreparedStatements.Scalar(statements.For(connection, transaction, RemittanceSql.Published, 1), remittance.Sha256) is not null)
        {
            return null;
        }

        // The real hash is set at publish; until then a unique placeholder keeps two stagings of one file apart.
        return (long)PreparedStatements.Scalar(statements.For(connection, transaction, RemittanceSql.StageFile, 5),
            $"staging:{Guid.NewGuid():N}", remittance.Name, Dates.Text(ingestedAt), remittance.Claims.Length,
            remittance.Claims.Sum(c => c.Lines.Length))!;
    }
}

/// <summary>Publishes a staged 835 in one short transaction: its hash, its reversals applied in file order, and its
/// rows made visible. Returns false, and drops the staged rows, when the same content was published meanwhile.</summary>
/// <param name="fileId">The staged file.</param>
/// <param name="sha256">The file's content hash, which makes ingestion idempotent.</param>
/// <param name="cancellation">The caller's deadline: a call that has gone commits nothing, checked as late as can be.</param>
internal sealed class PublishRemittanceWrite(long fileId, string sha256, CancellationToken cancellation) : IWrite<bool>
{
    public bool Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        // Another replica may be publishing the same file right now: the second waits here, then finds it published.
        SqlDialect.Of(connection).LockRemittance(connection, transaction, sha256);
        if (PreparedStatements.Scalar(statements.For(connection, transaction, RemittanceSql.Published, 1), sha256) is not null)
        {
            RemittanceSql.DropStaged(connection, transaction, statements, fileId);
            return false;
        }

        var reversals = PreparedStatements.Rows(statements.For(connection, transaction, RemittanceSql.ReversalsOf, 1),
            r => (Id: r.GetInt64(0), ClaimId: r.GetString(1), PayerClaimNumber: r.GetString(2)), fileId);
        var reverse = statements.For(connection, transaction, RemittanceSql.Reverse, 4);
        foreach (var (id, claimId, payerClaimNumber) in reversals)
        {
            PreparedStatements.Run(reverse, id, claimId, payerClaimNumber, fileId);
        }

        PreparedStatements.Run(statements.For(connection, transaction, RemittanceSql.Publish, 2), sha256, fileId);
        SentHistory.Adjudicated(connection, transaction, statements, fileId);
        Reports.LineFacts.QueueFileClaims(connection, transaction, statements, fileId);
        cancellation.ThrowIfCancellationRequested();
        return true;
    }
}

/// <summary>Removes a staged 835 that will not be published (its call failed or ran out of time).</summary>
internal sealed class DropStagedRemittanceWrite(long fileId) : IWrite<bool>
{
    public bool Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        RemittanceSql.DropStaged(connection, transaction, statements, fileId);
        return true;
    }
}

/// <summary>Rebuilds the report facts of some of the claims published 835s changed (<see cref="Reports.LineFacts"/>);
/// returns how many, 0 when none is left.</summary>
internal sealed class RefreshQueuedFactsWrite : IWrite<int>
{
    public int Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements) =>
        Reports.LineFacts.RefreshQueued(connection, transaction, statements);
}
