using Scrubber.Audit.Records;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>What a scrub record holds and costs, on every provider: one row per draft, its words rendered from the
/// template of the version that raised them, and writes that fail alone.</summary>
public abstract class AuditStoreTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly StoreFixture _store = new(provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task Record_KeepsTheClaimItsEditsAndOnlyThePatientKey()
    {
        var claim = new ClaimBuilder().For("CLM-REC", "MRN-000042-SECRET").On("2023-06-15").LineWith("A", "0001A", 40m).LineWith("B", "36591", 25.5m, "59").Build();

        var record = await _store.RecordAsync(claim);

        var stored = _store.Store.ReadScrub(record.ScrubId)!;
        Assert.Equal(("CLM-REC", _store.Keys.Of("MRN-000042-SECRET"), "HardStop", "ccipra-v322r0"), (stored.ClaimId, stored.PatientKey, stored.Disposition, stored.NcciVersions));
        Assert.Matches("^[0-9a-f]{64}$", stored.PatientKey);
        Assert.Equal(record.ScrubbedAt, stored.ScrubbedAt);
        Assert.Equal([("A", "0001A", "", 4000L, new DateOnly(2023, 6, 15)), ("B", "36591", "59", 2550L, new DateOnly(2023, 6, 15))],
            stored.Lines.Select(l => (l.LineId, l.Code, l.Modifiers, l.ChargeCents, l.ServiceDate)));
        var edit = Assert.Single(stored.Edits);
        var sent = Assert.Single(record.Result.Edits);
        Assert.Equal((sent.EditType, sent.Severity.ToString(), sent.LineId, sent.Column1Code, sent.Column2Code, sent.ModifierIndicator, sent.Source, sent.Message),
            (edit.EditType, edit.Severity, edit.LineId, edit.Column1, edit.Column2, edit.ModifierIndicator, edit.Source, edit.Message));
    }

    [SkippableFact]
    public async Task Record_ADraftIsOneRow_AndItsClaimRowsAppearOnlyOnceItIsSent()
    {
        var record = await _store.RecordAsync(new ClaimBuilder().For("CLM-DRAFT", "P1").On("2023-06-15").LineWith("A", "0001A", 40m).LineWith("B", "36591", 25m).Build());

        Assert.Equal(1L, Count("scrub_records"));
        Assert.Equal((0L, 0L, 0L, 0L), (Count("scrubs"), Count("scrub_lines"), Count("edits"), Count("claim_submissions")));

        await _store.Store.ConfirmSubmissionAsync(record.ScrubId, StoreFixture.T0);

        Assert.Equal((1L, 2L, 1L, 1L), (Count("scrubs"), Count("scrub_lines"), Count("edits"), Count("claim_submissions")));
        Assert.Equal(2L, Count("sent_lines"));
    }

    [SkippableFact]
    public async Task ReadScrub_AfterThePackChangesItsMessage_RendersTheWordsSentThen()
    {
        var claim = new ClaimBuilder().For("CLM-TPL").On("2023-06-15").LineWith("L1", "99213", 90m).LineWith("L2", "36591", 25m).Build();
        var before = await _store.RecordWithEditsAsync(claim, PackEdit("acme-commercial@3", "Acme bundles 36591 into 99213 on line L2 {with braces}; append XU."));
        var after = await _store.RecordWithEditsAsync(claim, PackEdit("acme-commercial@4", "Acme now denies 36591 with 99213 outright: remove line L2."));

        Assert.Equal("Acme bundles 36591 into 99213 on line L2 {with braces}; append XU.", Rule(before.ScrubId).Message);
        Assert.Equal("Acme now denies 36591 with 99213 outright: remove line L2.", Rule(after.ScrubId).Message);
        Assert.Equal(["acme-commercial@3", "acme-commercial@4"], _store.Query("SELECT source FROM record_templates WHERE rule = 'acme-36591' ORDER BY source", r => r.GetString(0)));
        Assert.Equal("Acme bundles {column2} into {column1} on line {line} {{with braces}}; append XU.",
            _store.Query("SELECT text FROM record_templates WHERE source = 'acme-commercial@3' AND rule = 'acme-36591'", r => r.GetString(0)).Single());
    }

    [SkippableFact]
    public async Task Record_SameTemplateTwice_IsStoredOnce()
    {
        for (var i = 0; i < 5; i++)
        {
            await _store.RecordAsync(new ClaimBuilder().For($"CLM-T{i}").On("2023-06-15").LineWith("A", "0001A", 40m).LineWith("B", "36591", 25m).Build());
        }

        Assert.Equal(5L, Count("scrub_records"));
        Assert.Equal(1L, Count("record_templates"));
        Assert.Equal(1L, Count("record_versions"));
    }

    [SkippableFact]
    public async Task Record_ManyConcurrentScrubs_AreAllCommitted()
    {
        var records = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            _store.RecordAsync(new ClaimBuilder().For($"CLM-{i:D4}", $"P{i}").Line("99213").Line("0030U").Build())));

        Assert.Equal(300L, Count("scrub_records"));
        Assert.All(records, r => Assert.Equal(2, _store.Store.ReadScrub(r.ScrubId)!.Lines.Length));
        Assert.Equal(300L, _store.Store.Counts().Scrubs);
    }

    [SkippableFact]
    public async Task Record_DuplicateScrubId_FailsAloneWhileItsBatchNeighboursCommit()
    {
        var first = await _store.RecordAsync(new ClaimBuilder().For("CLM-DUP").Line("99213").Build());

        var again = _store.RecordAsync(new ClaimBuilder().For("CLM-DUP-2").Line("99213").Build(), first.ScrubId);
        var others = Enumerable.Range(0, 20).Select(i => _store.RecordAsync(new ClaimBuilder().For($"CLM-OK-{i}").Line("99213").Build())).ToArray();

        await Assert.ThrowsAsync<AuditWriteException>(() => again);
        await Task.WhenAll(others);
        Assert.Equal(21L, Count("scrub_records"));
    }

    [SkippableFact]
    public void ReadScrub_UnknownId_IsNull() => Assert.Null(_store.Store.ReadScrub("no-such-scrub"));

    private static Edit PackEdit(string source, string message) =>
        new("PAYER_RULE", Severity.Warning, "L2", "L1", "99213", "36591", null, [], message, source)
        {
            Action = RecommendedAction.CorrectModifier,
            Rule = "acme-36591",
        };

    private StoredEdit Rule(string scrubId) => _store.Store.ReadScrub(scrubId)!.Edits.Single(e => e.Rule == "acme-36591");

    private long Count(string table) => _store.Query($"SELECT COUNT(*) FROM {table}", r => r.GetInt64(0)).Single();
}

public sealed class AuditStoreTestsOnSqlite() : AuditStoreTests(StoreProvider.Sqlite);

public sealed class AuditStoreTestsOnPostgres() : AuditStoreTests(StoreProvider.Postgres);
