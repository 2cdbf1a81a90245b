using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Scrubber.Audit.Schema;

/// <summary>The store's one writer. Callers queue writes and await them; the writer commits whatever is queued in one
/// transaction (group commit), so many concurrent scrubs share one fsync, and each caller resumes only once its write
/// is durable.</summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(64 * 1024)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly SqliteConnection _connection;
    private readonly int _maxBatch;
    private readonly Task _loop;

    public GroupCommitWriter(AuditDatabase database, int maxBatch)
    {
        _connection = database.Connect();
        _maxBatch = maxBatch;
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Commits statements shared by the writes of a batch; kept prepared for the writer's lifetime.</summary>
    public PreparedStatements Statements { get; } = new();

    /// <summary>Queues a write and completes when it is committed; faults when it failed and was rolled back.</summary>
    public async Task WriteAsync(IWrite write, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        await pending.Done.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        Statements.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (!TryCommit(batch))
            {
                // One bad write must not fail the others that shared its transaction: retry each on its own.
                foreach (var pending in batch)
                {
                    TryCommit([pending]);
                }
            }

            batch.Clear();
        }
    }

    private bool TryCommit(List<Pending> batch)
    {
        using var transaction = _connection.BeginTransaction();
        try
        {
            foreach (var pending in batch)
            {
                pending.Write.Execute(_connection, transaction, Statements);
            }

            transaction.Commit();
        }
        catch (Exception ex) when (ex is SqliteException or AuditStoreException or RecordNotFoundException or InvalidOperationException)
        {
            transaction.Rollback();
            if (batch.Count == 1)
            {
                batch[0].Done.TrySetException(ex);
            }

            return false;
        }

        foreach (var pending in batch)
        {
            pending.Done.TrySetResult();
        }

        return true;
    }

    private sealed record Pending(IWrite Write, TaskCompletionSource Done);
}

/// <summary>One unit of work for the writer, run inside its transaction.</summary>
internal interface IWrite
{
    void Execute(SqliteConnection connection, SqliteTransaction transaction, PreparedStatements statements);
}
