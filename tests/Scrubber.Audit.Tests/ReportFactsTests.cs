using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Reports;
using Scrubber.Core.Claims;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>The report facts (one row per remitted line) follow every change that decides a line's row, so the
/// reports counted from them stay exact: an 835 and its reversals, another scrub of the claim counting as sent, a
/// replacement adjudicated, and a rebuild left queued by a process that stopped.</summary>
public abstract class ReportFactsTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly StoreFixture _store = new(provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task Facts_ReversalsAndCorrections_FollowTheLatestWordOfThePayer()
    {
        await _store.RecordAsync(Pair("R1"));

        await Ingest("r1", Remit("R1", "1", "ICN-1", Paid("L1", "0001U", 300m), Paid("L2", "0030U", 150m)));
        Assert.True(Line("R1", "L2").Paid);

        await Ingest("r2", Remit("R1", "22", "ICN-1", Paid("L1", "0001U", -300m), Paid("L2", "0030U", -150m)),
            Remit("R1", "1", "ICN-2", Paid("L1", "0001U", 300m), Denied("L2", "0030U", 150m, "97")));
        Assert.Equal((false, DenialFamilies.Bundling, "overridden_by_acceptance"), (Line("R1", "L2").Paid, Line("R1", "L2").Family, Line("R1", "L2").Edit?.Fate));

        // The correction reversed too: nothing the payer said stands, and the line leaves the reports.
        await Ingest("r3", Remit("R1", "22", "ICN-2", Paid("L1", "0001U", -300m), Paid("L2", "0030U", -150m)));
        Assert.Empty(_store.Store.SentLineOutcomes(ReportFilter.All));
        ReportChecks.FactsMatchTheirSource(_store.Store);
    }

    [SkippableFact]
    public async Task Facts_AnotherScrubOfTheClaimConfirmed_NoLongerCountTheEditOfTheScrubThePayerAnswered()
    {
        await _store.RecordAsync(Pair("S1"));
        await Ingest("s1", Remit("S1", "1", "ICN-S1", Paid("L1", "0001U", 300m), Denied("L2", "0030U", 150m, "97")));
        Assert.NotNull(Line("S1", "L2").Edit);
        Assert.Empty(_store.Store.Missed(ReportFilter.All));

        var later = await _store.RecordAsync(new ClaimBuilder().For("S1").On("2026-07-20").LineWith("L1", "0001U", 300m).LineWith("L2", "0030U", 150m, "XU").Build());
        await _store.Store.ConfirmSubmissionAsync(later.ScrubId, StoreFixture.T0.AddDays(40));

        Assert.Null(Line("S1", "L2").Edit);
        Assert.Equal(["S1/L2"], Assert.Single(_store.Store.Missed(ReportFilter.All)).Claims);
        ReportChecks.FactsMatchTheirSource(_store.Store);
    }

    [SkippableFact]
    public async Task Facts_ReplacementAdjudicated_WorkTheOriginalsDenialAsACorrectedClaim()
    {
        await _store.RecordAsync(Pair("P1"));
        await Ingest("p1", Remit("P1", "1", "ICN-P1", Paid("L1", "0001U", 300m), Denied("L2", "0030U", 150m, "97")));
        await _store.RecordAsync(Pair("P1-R", "XU") with { Frequency = ClaimFrequency.Replacement, OriginalClaimId = "P1" });
        Assert.Null(Line("P1", "L2").Resolution);

        await Ingest("p2", Remit("P1-R", "1", "ICN-P1R", Paid("L1", "0001U", 300m), Paid("L2", "0030U", 150m, "XU")));

        Assert.Equal("corrected_claim_sent", Line("P1", "L2").Resolution);
        ReportChecks.FactsMatchTheirSource(_store.Store);
        ReportChecks.StoreReportsMatchTheLines(_store.Store, ReportChecks.Filters("2026-W33", "MEDICARE", ClaimBuilder.BillingNpi));
    }

    [SkippableFact]
    public async Task Facts_WithCountUnconfirmedScrubs_FollowTheLatestScrubOfTheClaim()
    {
        var path = _store.DatabasePath + ".unconfirmed";
        await using var store = AuditStore.Open(path, countUnconfirmedScrubs: true);
        var scrubber = new Scrubber.Core.Scrubbing.ClaimScrubber(new() { IndicatorOneSeverity = Scrubber.Core.Scrubbing.Severity.Warning });
        async Task Record(Claim claim) => await store.RecordAsync(new Scrubs.ScrubRecord(Guid.CreateVersion7().ToString(), StoreFixture.T0, claim,
            _store.Keys.Of(claim.PatientId), scrubber.Scrub(claim, SampleTables.Snapshot, Scrubber.Core.Packs.PackSet.Empty)));
        await Record(Pair("U1"));
        await store.IngestRemittanceAsync(new Remittance("u1", "u1.835", [Remit("U1", "1", "ICN-U1", Paid("L1", "0001U", 300m), Denied("L2", "0030U", 150m, "97"))]), StoreFixture.T0);
        Assert.NotNull(store.SentLineOutcomes(ReportFilter.All).Single(l => l.LineId == "L2").Edit);

        await Record(Pair("U1", "XU"));

        Assert.Null(store.SentLineOutcomes(ReportFilter.All).Single(l => l.LineId == "L2").Edit);
        ReportChecks.FactsMatchTheirSource(store);
    }

    [SkippableFact]
    public async Task Open_FactsLeftQueued_RebuildsThemBeforeServing()
    {
        var path = _store.DatabasePath + ".queued";
        await using (var store = AuditStore.Open(path))
        {
            await store.RecordAsync(new Scrubs.ScrubRecord(Guid.CreateVersion7().ToString(), StoreFixture.T0, Pair("Q1"), _store.Keys.Of("PATIENT-1"),
                new Scrubber.Core.Scrubbing.ScrubResult(Scrubber.Core.Scrubbing.Disposition.Clean, [], [])));
            await store.IngestRemittanceAsync(new Remittance("q1", "q1.835", [Remit("Q1", "1", "ICN-Q1", Paid("L1", "0001U", 300m), Denied("L2", "0030U", 150m, "97"))]), StoreFixture.T0);
        }

        // As a process stopped right after publishing would leave it: the file's claim queued, its facts not written.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM line_facts; INSERT INTO line_facts_pending (claim_id) VALUES ('Q1');";
            command.ExecuteNonQuery();
        }

        await using var reopened = AuditStore.Open(path);

        Assert.Equal(["L1", "L2"], reopened.SentLineOutcomes(ReportFilter.All).Select(l => l.LineId));
        Assert.Equal(0L, reopened.Read(c => Schema.Sql.Scalar(c, null, "SELECT COUNT(*) FROM line_facts_pending")));
        ReportChecks.FactsMatchTheirSource(reopened);
    }

    private DeniedLine Line(string claimId, string lineId) =>
        _store.Store.SentLineOutcomes(ReportFilter.All).Single(l => (l.ClaimId, l.LineId) == (claimId, lineId));

    private async Task Ingest(string name, params RemittanceClaim[] claims)
    {
        await _store.Store.IngestRemittanceAsync(new Remittance(name, name + ".835", [.. claims]), StoreFixture.T0);
        ReportChecks.FactsMatchTheirSource(_store.Store);
    }

    /// <summary>0001U + 0030U: an indicator-1 pair, a warning under the fixture's settings.</summary>
    private static Claim Pair(string claimId, string modifier = "") =>
        new ClaimBuilder().For(claimId).On("2026-07-20").LineWith("L1", "0001U", 300m)
            .LineWith("L2", "0030U", 150m, modifier.Length == 0 ? [] : [modifier]).Build();

    private static RemittanceClaim Remit(string claimId, string status, string icn, params RemittanceLine[] lines) =>
        new(claimId, status, lines.Sum(l => l.Charge), lines.Sum(l => l.Paid), icn, new DateOnly(2026, 8, 12), [], [.. lines]);

    private static RemittanceLine Paid(string lineId, string code, decimal amount, string modifier = "") =>
        new(lineId, code, modifier.Length == 0 ? [] : [modifier], "", new DateOnly(2026, 7, 20), amount, amount, [], ImmutableArray<string>.Empty);

    private static RemittanceLine Denied(string lineId, string code, decimal charge, string reason) =>
        new(lineId, code, [], "", new DateOnly(2026, 7, 20), charge, 0m, [new RemittanceAdjustment("CO", reason, charge, null)], ImmutableArray<string>.Empty);
}

public sealed class ReportFactsTestsOnSqlite() : ReportFactsTests(StoreProvider.Sqlite);

public sealed class ReportFactsTestsOnPostgres() : ReportFactsTests(StoreProvider.Postgres);
