using Microsoft.Data.Sqlite;
using Scrubber.Audit.Schema;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>The store itself: the file, its settings and schema, and what a scrub record holds.</summary>
public sealed class AuditStoreTests : IAsyncLifetime
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
    public async Task Open_ExistingFile_KeepsItsRecordsAndAppliesNoMigrationTwice()
    {
        var record = await _store.RecordAsync(new ClaimBuilder().For("CLM-KEEP").Line("99213").Build());
        using var other = new TempDirectory();
        var copy = other.File("copy.db");
        _store.Store.Read(c => { using var backup = new SqliteConnection($"Data Source={copy}"); backup.Open(); c.BackupDatabase(backup); return 0; });

        await using var reopened = AuditStore.Open(copy);

        Assert.Equal(record.ScrubId, reopened.Read(c => { using var cmd = c.CreateCommand(); cmd.CommandText = "SELECT scrub_id FROM scrubs"; return (string)cmd.ExecuteScalar()!; }));
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
    public async Task Record_WritesScrubLinesAndEdits_AndOnlyThePatientKey()
    {
        var claim = new ClaimBuilder().For("CLM-REC", "MRN-000042-SECRET").On("2023-06-15").LineWith("A", "0001A", 40m).LineWith("B", "36591", 25.5m, "59").Build();

        var record = await _store.RecordAsync(claim);

        var scrub = _store.Query("SELECT claim_id, patient_key, disposition, ncci_versions FROM scrubs", r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3))).Single();
        Assert.Equal(("CLM-REC", _store.Keys.Of("MRN-000042-SECRET"), "HardStop", "ccipra-v322r0"), scrub);
        Assert.Matches("^[0-9a-f]{64}$", scrub.Item2);
        Assert.Equal([("A", "0001A", "", 4000L), ("B", "36591", "59", 2550L)],
            _store.Query("SELECT line_id, code, modifiers, charge_cents FROM scrub_lines ORDER BY seq", r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3))));
        Assert.Equal([("NCCI_PTP", "HardStop", "B", "ccipra-v322r0")],
            _store.Query("SELECT edit_type, severity, line_id, source FROM edits", r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3))));
        Assert.Equal(record.ScrubId, _store.Query("SELECT scrub_id FROM claim_submissions WHERE claim_id = 'CLM-REC'", r => r.GetString(0)).Single());

        await _store.Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_store.DatabasePath)!))
        {
            Assert.DoesNotContain("MRN-000042-SECRET", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Record_ManyConcurrentScrubs_AreAllCommitted()
    {
        var records = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            _store.RecordAsync(new ClaimBuilder().For($"CLM-{i:D4}", $"P{i}").Line("99213").Line("0030U").Build())));

        Assert.Equal(300L, _store.Query("SELECT COUNT(*) FROM scrubs", r => r.GetInt64(0)).Single());
        Assert.Equal(600L, _store.Query("SELECT COUNT(*) FROM scrub_lines", r => r.GetInt64(0)).Single());
        Assert.Equal(records.Select(r => r.ScrubId).Order(), _store.Query("SELECT scrub_id FROM scrubs ORDER BY scrub_id", r => r.GetString(0)).Order());
    }

    [Fact]
    public async Task Record_DuplicateScrubId_FailsAloneWhileItsBatchNeighboursCommit()
    {
        var first = await _store.RecordAsync(new ClaimBuilder().For("CLM-DUP").Line("99213").Build());

        var again = _store.RecordAsync(new ClaimBuilder().For("CLM-DUP-2").Line("99213").Build(), first.ScrubId);
        var others = Enumerable.Range(0, 20).Select(i => _store.RecordAsync(new ClaimBuilder().For($"CLM-OK-{i}").Line("99213").Build())).ToArray();

        await Assert.ThrowsAsync<SqliteException>(() => again);
        await Task.WhenAll(others);
        Assert.Equal(21L, _store.Query("SELECT COUNT(*) FROM scrubs", r => r.GetInt64(0)).Single());
    }
}
