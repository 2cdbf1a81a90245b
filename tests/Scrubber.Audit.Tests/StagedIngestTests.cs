using Microsoft.Data.Sqlite;
using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Schema;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>An 835 is staged in chunks and published whole: until it is published no reader sees it, and a call that
/// is cancelled, or a process that stops, leaves none of it behind.</summary>
public sealed class StagedIngestTests : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();

    private string DatabasePath => _folder.File("staged.db");

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Ingest_CancelledWhileStaged_DropsEveryStagedRowAndCommitsNothing()
    {
        await using var writer = new GroupCommitWriter(SqliteDatabase.Open(DatabasePath), new Records.RecordDictionary(), maxBatch: 64);
        using var hold = new WriterHold();
        var holding = writer.WriteAsync(hold);
        hold.Started.Wait();
        using var call = new CancellationTokenSource();
        var ingest = RemittanceIngestion.RunAsync(writer, new Records.RecordDictionary(), File("cancelled", claims: 40), Time, maxListed: 200, call.Token);

        // The staging write is queued behind the held writer; the call goes away before the first chunk is written.
        await call.CancelAsync();
        hold.Release.Set();
        await holding;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingest);
        Assert.Equal((0L, 0L, 0L), (Count("remittance_files"), Count("remit_claims"), Count("remit_lines")));
    }

    [Fact]
    public async Task Ingest_ManyChunks_PublishesEveryClaimOnce()
    {
        await using var store = AuditStore.Open(DatabasePath);

        var result = await store.IngestRemittanceAsync(File("large", claims: 600), Time);

        Assert.Equal((600, 1800, 600), (result.Claims, result.Lines, result.UnmatchedClaimCount));
        Assert.Equal((1L, 600L, 1800L), (Count("remittance_files"), Count("remit_claims"), Count("remit_lines")));
        Assert.Equal(new StoreCounts(0, 0, 0, 1, 600, 1800, 0), store.Counts());
        Assert.Equal(600, store.ListUnmatched("large")!.Claims.Length);
    }

    [Fact]
    public async Task Open_FileLeftStagedByAStoppedProcess_IsDroppedAndPublishedOnesKept()
    {
        await using (var store = AuditStore.Open(DatabasePath))
        {
            await store.IngestRemittanceAsync(File("kept", claims: 3), Time);
        }

        await using (var writer = new GroupCommitWriter(SqliteDatabase.Open(DatabasePath), new Records.RecordDictionary(), maxBatch: 64))
        {
            var staged = File("abandoned", claims: 5);
            var fileId = (await writer.WriteAsync(new StageRemittanceWrite(staged, Time)))!.Value;
            await writer.WriteAsync(new IngestChunkWrite(fileId, staged, 0, 5, maxListed: 200, new Records.RecordDictionary()));
        }

        Assert.Equal(8L, Count("remit_claims"));
        await using var reopened = AuditStore.Open(DatabasePath);

        Assert.Equal((1L, 3L, 9L), (Count("remittance_files"), Count("remit_claims"), Count("remit_lines")));
        Assert.Equal(new StoreCounts(0, 0, 0, 1, 3, 9, 0), reopened.Counts());
    }

    private static readonly DateTimeOffset Time = new(2026, 8, 15, 12, 0, 0, TimeSpan.Zero);

    private long Count(string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static Remittance File(string hash, int claims) => new(hash, hash + ".835",
    [
        .. Enumerable.Range(0, claims).Select(i => new RemittanceClaim($"C-{i:D5}", "1", 30m, 0m, "", null, [],
        [
            .. Enumerable.Range(1, 3).Select(l => new RemittanceLine($"L{l}", "99213", [], "", new DateOnly(2026, 7, 20), 10m, 0m,
                [new RemittanceAdjustment("CO", "97", 10m, null)], [])),
        ])),
    ]);
}
