using Microsoft.Data.Sqlite;
using Scrubber.Audit.Schema;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>The SQLite store's file: its mode, settings and schema, reopening it, and the errors that name it.</summary>
public sealed class SqliteFileTests : IAsyncLifetime
{
    private readonly StoreFixture _store = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public void Open_NewFile_IsOwnerOnlyWalWithForeignKeysAndTheLatestSchema()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.DatabasePath));
        Assert.Equal("wal", _store.Query("PRAGMA journal_mode", r => r.GetString(0)).Single());
        Assert.Equal(1L, _store.Query("PRAGMA foreign_keys", r => r.GetInt64(0)).Single());
        Assert.Equal(2L, _store.Query("PRAGMA synchronous", r => r.GetInt64(0)).Single());
        Assert.Equal(Migrations.All.Select(m => (long)m.Version), _store.Query("SELECT version FROM schema_version ORDER BY version", r => r.GetInt64(0)));
    }

    [Fact]
    public void ReplacementsOfClaims_AreReadByTheIndexOfReplacements_NotByEveryScrubOfTheClaims()
    {
        var plan = _store.Query("EXPLAIN QUERY PLAN " + Reports.LineFacts.OriginalsOfSql.Replace("$claims", "('CLM-1', 'CLM-2')", StringComparison.Ordinal),
            r => r.GetString(3));

        Assert.Contains(plan, step => step.Contains("USING INDEX scrubs_replacing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_ExistingFile_KeepsItsRecordsAndAppliesNoMigrationTwice()
    {
        var record = await _store.RecordAsync(new ClaimBuilder().For("CLM-KEEP").Line("99213").Build());
        using var other = new TempDirectory();
        var copy = other.File("copy.db");
        _store.Store.Read(c => { using var backup = new SqliteConnection($"Data Source={copy}"); backup.Open(); ((SqliteConnection)c).BackupDatabase(backup); return 0; });

        await using var reopened = AuditStore.Open(copy);

        Assert.Equal("CLM-KEEP", reopened.ReadScrub(record.ScrubId)?.ClaimId);
        Assert.Equal(Migrations.All.Count, reopened.Read(c => { using var cmd = c.CreateCommand(); cmd.CommandText = "SELECT COUNT(*) FROM schema_version"; return (int)(long)cmd.ExecuteScalar()!; }));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void Open_SchemaNewerThanThisBuild_FailsSayingSo()
    {
        _store.Query("INSERT INTO schema_version VALUES (99, 'future', 'x') RETURNING version", r => r.GetInt64(0));

        var ex = Assert.Throws<AuditStoreException>(() => AuditStore.Open(_store.DatabasePath));

        Assert.Contains($"schema is version 99, newer than this build knows ({Migrations.All[^1].Version})", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnwritableLocation_FailsNamingThePath()
    {
        var ex = Assert.Throws<AuditStoreException>(() => AuditStore.Open("/proc/scrubber/audit.db"));

        Assert.Contains("/proc/scrubber/audit.db", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_KeepsOnlyThePatientKey_NowhereInTheFiles()
    {
        var claim = new ClaimBuilder().For("CLM-REC", "MRN-000042-SECRET").On("2023-06-15").LineWith("A", "0001A", 40m).LineWith("B", "36591", 25.5m, "59").Build();
        var record = await _store.RecordAsync(claim);
        await _store.Store.ConfirmSubmissionAsync(record.ScrubId, StoreFixture.T0);

        await _store.Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_store.DatabasePath)!))
        {
            Assert.DoesNotContain("MRN-000042-SECRET", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }
    }
}
