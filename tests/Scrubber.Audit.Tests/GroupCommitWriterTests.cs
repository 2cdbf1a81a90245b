using System.Data.Common;
using Microsoft.Data.Sqlite;
using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Schema;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>The store's one writer isolates failures: whatever one write throws fails that write alone, its batch
/// partners are committed, and the loop goes on. Writes share a batch deterministically here: a first write holds the
/// writer while the others queue behind it.</summary>
public sealed class GroupCommitWriterTests : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly GroupCommitWriter _writer;

    public GroupCommitWriterTests() => _writer = new GroupCommitWriter(SqliteDatabase.Open(_folder.File("writer.db")), new Records.RecordDictionary(), maxBatch: 64);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Write_ThrowingAnyException_FailsThatWriteAlone_ItsBatchIsCommitted_AndTheLoopGoesOn()
    {
        using var hold = new WriterHold();
        var holding = _writer.WriteAsync(hold);
        hold.Started.Wait();
        var before = _writer.WriteAsync(new Insert("before"));
        var failing = _writer.WriteAsync(new InsertThenThrow("failing", new OverflowException("Value was either too large or too small for an Int64.")));
        var after = _writer.WriteAsync(new Insert("after"));
        hold.Release.Set();

        await Task.WhenAll(holding, before, after);
        var ex = await Assert.ThrowsAsync<OverflowException>(() => failing);

        Assert.Equal("Value was either too large or too small for an Int64.", ex.Message);
        Assert.Equal(["after", "before"], Files());
        Assert.Equal("later", await _writer.WriteAsync(new Insert("later")));
        Assert.Equal(["after", "before", "later"], Files());
    }

    [Fact]
    public async Task Write_DefectInsideTheWriter_IsTheCallersFailureNotTheStores()
    {
        var failing = _writer.WriteAsync(new InsertThenThrow("defect", new InvalidCastException("Unable to cast object of type 'System.String' to type 'System.Int64'.")));

        await Assert.ThrowsAsync<InvalidCastException>(() => failing);
        Assert.Equal("ok", await _writer.WriteAsync(new Insert("ok")));
        Assert.Equal(["ok"], Files());
    }

    [Fact]
    public async Task IngestChunk_RetriedAloneAfterItsBatchFailed_AnswersItsOwnCountsOnce()
    {
        var remittance = new Remittance("retried", "retried.835",
        [
            new RemittanceClaim("NOT-SENT", "4", 40m, 0m, "", null, [],
                [new RemittanceLine("L1", "97110", [], "", new DateOnly(2026, 7, 20), 40m, 0m, [new RemittanceAdjustment("CO", "97", 40m, null)], [])]),
        ]);
        var fileId = (await _writer.WriteAsync(new StageRemittanceWrite(remittance, StoreFixture.T0)))!.Value;
        using var hold = new WriterHold();
        var holding = _writer.WriteAsync(hold);
        hold.Started.Wait();
        var chunk = _writer.WriteAsync(new IngestChunkWrite(fileId, remittance, 0, 1, maxListed: 200, new Records.RecordDictionary()));
        var unknown = _writer.WriteAsync(new UpdateResolutionWrite(
            new Resolution("NO-SUCH-CLAIM", "L1", ResolutionStatus.Appealed, null, new DateOnly(2026, 8, 1), ""), StoreFixture.T0, new Records.RecordDictionary()));
        hold.Release.Set();

        await holding;
        await Assert.ThrowsAsync<RecordNotFoundException>(() => unknown);
        var result = (await chunk).Result(remittance, duplicate: false);

        Assert.Equal((1, 1, 1, 1), (result.UnmatchedClaimCount, result.UnmatchedLineCount, result.UnmatchedClaims.Length, result.UnmatchedLines.Length));
        Assert.Equal(1, result.DenialsByFamily["bundling"]);
        Assert.Equal(1, result.DeniedLines);
        Assert.Equal(1L, Count("SELECT COUNT(*) FROM remit_lines"));
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("writer.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private List<string> Files()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("writer.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sha256 FROM remittance_files ORDER BY sha256";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void InsertFile(DbConnection connection, DbTransaction transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO remittance_files (sha256, name, ingested_at, claims, lines) VALUES (@n, @n, '2026-08-01T00:00:00Z', 0, 0)";
        command.Parameters.Add(new SqliteParameter("@n", name));
        command.ExecuteNonQuery();
    }

    private sealed class Insert(string name) : IWrite<string>
    {
        public string Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
        {
            InsertFile(connection, transaction, name);
            return name;
        }
    }

    private sealed class InsertThenThrow(string name, Exception failure) : IWrite<string>
    {
        public string Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
        {
            InsertFile(connection, transaction, name);
            throw failure;
        }
    }
}
