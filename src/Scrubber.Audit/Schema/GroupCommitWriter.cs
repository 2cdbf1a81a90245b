using System.Data.Common;
using System.Data;
using System.Threading.Channels;

namespace Scrubber.Audit.Schema;

/// <summary>The store's one writer. Callers queue writes and await them; the writer commits whatever is queued in one
/// transaction (group commit), so many concurrent scrubs share one fsync, and each caller resumes only once its write
/// is durable.</summary>
/// <remarks>Every write runs in isolation: whatever one throws fails that caller alone (its batch is rolled back and the
/// others are committed each on their own), and the loop goes on. One bad input must never stop the store.</remarks>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(64 * 1024)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly AuditDatabase _database;
    private readonly Records.RecordDictionary _dictionary;
    private readonly int _maxBatch;
    private readonly Task _loop;
    private DbConnection _connection;

    public GroupCommitWriter(AuditDatabase database, Records.RecordDictionary dictionary, int maxBatch)
    {
        _database = database;
        _dictionary = dictionary;
        _connection = database.Connect();
        _maxBatch = maxBatch;
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Commits statements shared by the writes of a batch; kept prepared for the writer's lifetime.</summary>
    public PreparedStatements Statements { get; } = new();

    /// <summary>Queues a write and returns its result once it is committed.</summary>
    /// <exception cref="Exception">Whatever the write threw; it was rolled back and nothing of it is stored.</exception>
    public async Task<T> WriteAsync<T>(IWrite<T> write, CancellationToken cancellationToken = default)
    {
        var pending = new PendingWrite<T>(write);
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        return await pending.Done.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        Statements.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private void Run()
    {
        var batch = new List<PendingWrite>(_maxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (!TryCommit(batch))
            {
                // One bad write must not fail the others that shared its transaction: retry each on its own. A write
                // keeps no state between runs, so the retry's result is exact.
                foreach (var pending in batch)
                {
                    TryCommit([pending]);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>Runs the writes in one transaction; true when it committed. A write that fails alone is faulted with
    /// what it threw; in a batch of several, nothing is faulted and the caller retries them one by one.</summary>
    private bool TryCommit(List<PendingWrite> batch)
    {
        try
        {
            using var transaction = _connection.BeginTransaction();
            try
            {
                foreach (var pending in batch)
                {
                    pending.Execute(_connection, transaction, Statements);
                }

                transaction.Commit();
                _dictionary.Committed();
            }
            catch
            {
                _dictionary.RolledBack();
                RollBack(transaction);
                throw;
            }
        }
        catch (Exception ex)
        {
            Reconnect();
            if (batch.Count == 1)
            {
                // A provider's own exception stays inside the store: callers see what failed, not which database.
                batch[0].Fail(AuditDatabase.IsProviderFailure(ex) ? new AuditWriteException($"The audit store could not write: {ex.Message}", ex) : ex);
            }

            return false;
        }

        foreach (var pending in batch)
        {
            pending.Complete();
        }

        return true;
    }

    /// <summary>SQLite rolls back on its own after some errors (a full disk, an I/O error), and a PostgreSQL connection
    /// may be gone; a second rollback then throws, and must not hide the error that caused it.</summary>
    private static void RollBack(DbTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
        }
    }

    /// <summary>A connection the server dropped (a PostgreSQL restart, a network cut) is replaced, so the writes after
    /// it succeed once the store is back. Until then each batch fails alone and the loop goes on.</summary>
    private void Reconnect()
    {
        if (_connection.State == ConnectionState.Open)
        {
            return;
        }

        try
        {
            Statements.Clear();
            _connection.Dispose();
            _connection = _database.Connect();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
        }
    }

    private abstract class PendingWrite
    {
        public abstract void Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(IWrite<T> write) : PendingWrite
    {
        private T? _result;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements) =>
            _result = write.Execute(connection, transaction, statements);

        public override void Complete() => Done.TrySetResult(_result!);

        public override void Fail(Exception exception) => Done.TrySetException(exception);
    }
}

/// <summary>One unit of work for the writer, run inside its transaction. It may run more than once (alone, after its
/// batch failed), so it returns its result and keeps no state between runs.</summary>
internal interface IWrite<out T>
{
    T Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements);
}
