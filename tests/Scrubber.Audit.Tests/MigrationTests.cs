using Microsoft.Data.Sqlite;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>Stores written by earlier builds (tests/fixtures/audit-stores, each made by that commit's own server)
/// migrate on start and keep every record: each scrub becomes a compact record that renders its words as they were
/// sent, and the outcomes, resolutions and history read as before.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("store-2835daf.db", 10, 8, 6, 17, 14)]
    [InlineData("store-e6d4e96.db", 12, 10, 7, 20, 20)]
    public async Task Open_StoreOfAnEarlierVersion_MigratesAndKeepsEveryRecord(string fixture, long scrubs, long claims, long confirmed, long lines, long edits)
    {
        var path = _folder.File(fixture);
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "audit-stores", fixture), path);
        var before = Legacy(path);

        await using var store = AuditStore.Open(path);

        Assert.Equal(new StoreCounts(scrubs, claims, confirmed, 2, 8, 13, 4), store.Counts());
        Assert.Equal((long)Schema.Migrations.All[^1].Version, store.Read(c => { using var cmd = c.CreateCommand(); cmd.CommandText = "SELECT MAX(version) FROM schema_version"; return (long)cmd.ExecuteScalar()!; }));
        Assert.Equal(scrubs, before.Count);
        Assert.Equal(lines, before.Sum(s => s.Lines.Count));
        Assert.Equal(edits, before.Sum(s => s.Edits.Count));
        foreach (var (scrubId, claimId, scrubLines, scrubEdits) in before)
        {
            var stored = store.ReadScrub(scrubId);
            Assert.NotNull(stored);
            Assert.Equal(claimId, stored.ClaimId);
            Assert.Equal(scrubLines, stored.Lines.Select(l => (l.LineId, l.Code, l.Modifiers, l.ChargeCents)).ToList());
            Assert.Equal(scrubEdits, stored.Edits.Select(e => (e.EditType, e.LineId, e.Column1, e.Column2, e.Message)).ToList());
        }

        // The outcomes read as before: eight lines with the payer's word, three of them denied.
        var outcomes = store.SentLineOutcomes(Reports.ReportFilter.All);
        Assert.Equal(8, outcomes.Count);
        Assert.Equal(["FX-1001/2", "FX-1003/2", "FX-1006/1"], outcomes.Where(o => !o.Paid).Select(o => $"{o.ClaimId}/{o.LineId}").Order(StringComparer.Ordinal));

        // The report facts were filled in by the migration, one row per outcome, as the lines they come from read.
        Assert.Equal(8L, store.Read(c => { using var cmd = c.CreateCommand(); cmd.CommandText = "SELECT COUNT(*) FROM line_facts"; return (long)cmd.ExecuteScalar()!; }));
        ReportChecks.FactsMatchTheirSource(store);
        ReportChecks.StoreReportsMatchTheLines(store, ReportChecks.Filters(Reports.FeedbackReports.Week(outcomes[0].Day), outcomes[0].PayerId, outcomes[0].Provider));

        // Each outcome's day was filled in by the migration, so a report of one day reads that day's lines alone.
        foreach (var day in outcomes.Select(o => o.Day).Distinct())
        {
            var filter = new Reports.ReportFilter(day, day);
            Assert.Equal(outcomes.Count(o => o.Day == day), store.SentLineOutcomes(filter).Count);
        }
    }

    [Fact]
    public async Task Open_MigratedStore_TakesNewScrubsConfirmationsAndRemittances()
    {
        var path = _folder.File("store-e6d4e96.db");
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "audit-stores", "store-e6d4e96.db"), path);
        await using var store = AuditStore.Open(path);
        var keys = new PatientKey("development-only-patient-key-secret-do-not-use-in-production");
        var claim = new ClaimBuilder().For("FX-2001", "FIXTURE-PATIENT-A").On("2023-06-15").LineWith("1", "99213", 90m).Build();
        var record = new Scrubs.ScrubRecord(Guid.CreateVersion7().ToString(), StoreFixture.T0, claim, keys.Of("FIXTURE-PATIENT-A"),
            new Core.Scrubbing.ScrubResult(Core.Scrubbing.Disposition.Clean, [], ["ccipra-v322r0"]));

        await store.RecordAsync(record);
        Assert.Equal("FX-2001", await store.ConfirmSubmissionAsync(record.ScrubId, StoreFixture.T0));

        // FX-1001 (patient A, 2023-06-15) was sent before the migration: it pairs with the new claim as history.
        var history = store.History(keys.Of("FIXTURE-PATIENT-A"), ["FX-3001"], HistoryWindow.Day(new DateOnly(2023, 6, 15)));
        Assert.Contains(history, h => h.ClaimId == "FX-1001");
        Assert.Contains(history, h => h.ClaimId == "FX-2001");
        Assert.Equal(13L, store.Counts().Scrubs);
    }

    private static List<(string ScrubId, string ClaimId, List<(string, string, string, long)> Lines, List<(string, string, string, string, string)> Edits)> Legacy(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var scrubs = Rows(connection, "SELECT scrub_id, claim_id FROM scrubs ORDER BY scrub_id", r => (r.GetString(0), r.GetString(1)));
        return
        [
            .. scrubs.Select(s => (s.Item1, s.Item2,
                Rows(connection, $"SELECT line_id, code, modifiers, charge_cents FROM scrub_lines WHERE scrub_id = '{s.Item1}' ORDER BY seq",
                    r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3))),
                Rows(connection, $"SELECT edit_type, line_id, column1, column2, message FROM edits WHERE scrub_id = '{s.Item1}' ORDER BY seq",
                    r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4))))),
        ];
    }

    private static List<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> row)
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
    }
}
