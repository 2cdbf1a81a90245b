using System.Data.Common;
using Microsoft.Data.Sqlite;
using Scrubber.Audit.Scrubs;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>The providers every contract test runs against.</summary>
public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>A real audit store, in a temporary SQLite file or a fresh PostgreSQL database, and helpers that scrub
/// claims with the real engine and record them. A PostgreSQL store skips its test when no server is set (see
/// <see cref="PostgresServer"/>), unless SCRUBBER_REQUIRE_POSTGRES=1.</summary>
public sealed class StoreFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 7, 20, 14, 0, 0, TimeSpan.Zero);
    // A deployment that softens indicator-1 edits to warnings, so the fates include a warning sent anyway (acceptance).
    private static readonly ClaimScrubber Scrubber = new(new ScrubOptions { IndicatorOneSeverity = Severity.Warning });
    private readonly TempDirectory _folder = new();
    private readonly PostgresDatabase? _postgres;
    private int _clock;

    public StoreFixture(StoreProvider provider = StoreProvider.Sqlite)
    {
        Provider = provider;
        if (provider == StoreProvider.Postgres)
        {
            Skip.If(PostgresServer.SkipReason is not null, PostgresServer.SkipReason);
            _postgres = PostgresDatabase.Create();
            Store = AuditStore.OpenPostgres(_postgres.ConnectionString);
        }
        else
        {
            Store = AuditStore.Open(DatabasePath);
        }
    }

    public StoreProvider Provider { get; }

    public AuditStore Store { get; }

    /// <summary>The SQLite file (unused on PostgreSQL).</summary>
    public string DatabasePath => _folder.File("audit.db");

    public PatientKey Keys { get; } = new("test-only-patient-key-secret-0123456789");

    /// <summary>Scrubs a claim with the real engine and records it; each call is one minute after the last.</summary>
    public async Task<ScrubRecord> RecordAsync(Claim claim, string? scrubId = null)
    {
        var result = Scrubber.Scrub(claim, SampleTables.Snapshot, PackSet.Empty);
        var record = new ScrubRecord(scrubId ?? Guid.CreateVersion7().ToString(), T0.AddMinutes(_clock++), claim, Keys.Of(claim.PatientId), result);
        await Store.RecordAsync(record);
        return record;
    }

    /// <summary>Scrubs a claim with the real engine, adds <paramref name="edits"/> to what it found (as an edit phase
    /// the engine does not run here would, e.g. MUE and add-on edits) and records it.</summary>
    public async Task<ScrubRecord> RecordWithEditsAsync(Claim claim, params Edit[] edits)
    {
        var found = Scrubber.Scrub(claim, SampleTables.Snapshot, PackSet.Empty);
        var all = found.Edits.AddRange(edits);
        var result = found with { Edits = all, Disposition = ScrubResult.DispositionOf(all) };
        var record = new ScrubRecord(Guid.CreateVersion7().ToString(), T0.AddMinutes(_clock++), claim, Keys.Of(claim.PatientId), result);
        await Store.RecordAsync(record);
        return record;
    }

    public List<T> Query<T>(string sql, Func<DbDataReader, T> row) => Store.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    });

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _folder.Dispose();
    }
}
