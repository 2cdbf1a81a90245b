using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>What got past the scrubber: which scrub counts as sent, each edit's fate, and history for cross-claim pairs.</summary>
public abstract class SubmissionTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly StoreFixture _store = new(provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task Sent_WithoutConfirmation_IsTheLatestScrubOfTheClaim()
    {
        await _store.RecordAsync(new ClaimBuilder().For("CLM-A").Line("99213").Build());
        var latest = await _store.RecordAsync(new ClaimBuilder().For("CLM-A").Line("99214").Build());

        Assert.Equal(latest.ScrubId, SentScrub("CLM-A"));
    }

    [SkippableFact]
    public async Task Confirm_AnEarlierScrub_MakesItTheSentOneEvenAfterLaterScrubs()
    {
        var first = await _store.RecordAsync(new ClaimBuilder().For("CLM-B").Line("99213").Build());
        await _store.RecordAsync(new ClaimBuilder().For("CLM-B").Line("99214").Build());

        var claimId = await _store.Store.ConfirmSubmissionAsync(first.ScrubId, StoreFixture.T0);
        await _store.RecordAsync(new ClaimBuilder().For("CLM-B").Line("99215").Build());

        Assert.Equal("CLM-B", claimId);
        Assert.Equal(first.ScrubId, SentScrub("CLM-B"));
    }

    [SkippableFact]
    public async Task Confirm_UnknownScrubId_ReturnsNull() =>
        Assert.Null(await _store.Store.ConfirmSubmissionAsync("no-such-scrub", StoreFixture.T0));

    [SkippableFact]
    public async Task EditFates_CoverResolvedAcceptedBypassedAndForced()
    {
        // First scrub: 36591 hard stop (indicator 0) and 99213 warning (indicator 1), both against 0001A on 2023-06-15.
        await _store.RecordAsync(new ClaimBuilder().For("CLM-F").On("2023-06-15").LineWith("1", "0001A", 40m).LineWith("2", "36591", 25m).LineWith("3", "99213", 90m).Build());

        // Sent scrub: 36591 removed (resolved), 99213 kept without 25 (accepted), 0001U/0030U with XE (bypassed), 0001A/96523 kept (forced).
        var sent = await _store.RecordAsync(new ClaimBuilder().For("CLM-F").On("2023-06-15")
            .LineWith("1", "0001A", 40m).LineWith("3", "99213", 90m).LineWith("4", "96523", 30m).LineWith("5", "0001U", 200m).LineWith("6", "0030U", 150m, "XE").Build());

        await _store.Store.ConfirmSubmissionAsync(sent.ScrubId, StoreFixture.T0);
        var fates = _store.Query("SELECT edit_type, line_id, fate FROM edit_fates WHERE claim_id = 'CLM-F' ORDER BY line_id, fate", r => (r.GetString(0), r.GetString(1), r.GetString(2)));

        Assert.Equal(
        [
            ("NCCI_PTP", "2", "resolved_before_sending"),
            ("NCCI_PTP", "3", "overridden_by_acceptance"),
            ("NCCI_PTP", "4", "forced"),
            ("NCCI_PTP_BYPASSED", "6", "overridden_by_modifier"),
        ], fates);
        Assert.All(_store.Query("SELECT scrub_id FROM edit_fates WHERE fate <> 'resolved_before_sending'", r => r.GetString(0)), s => Assert.Equal(sent.ScrubId, s));
    }

    [SkippableFact]
    public async Task History_IsTheConfirmedLinesOfOtherClaimsOfThePatientOnThoseDates()
    {
        var day = new DateOnly(2023, 6, 15);
        await _store.RecordAsync(new ClaimBuilder().For("CLM-OLD", "PAT-7").On("2023-06-15").LineWith("1", "0001A", 40m).Build());
        var sent = await _store.RecordAsync(new ClaimBuilder().For("CLM-OLD", "PAT-7").On("2023-06-15").LineWith("1", "0001A", 40m).LineWith("2", "99213", 80m).Build());
        await _store.Store.ConfirmSubmissionAsync(sent.ScrubId, StoreFixture.T0);
        await Confirmed(new ClaimBuilder().For("CLM-OTHER-DAY", "PAT-7").On("2023-06-16").LineWith("1", "36591", 25m).Build());
        await Confirmed(new ClaimBuilder().For("CLM-OTHER-PATIENT", "PAT-8").On("2023-06-15").LineWith("1", "36591", 25m).Build());

        var history = _store.Store.History(_store.Keys.Of("PAT-7"), ["CLM-NEW"], HistoryWindow.Day(day));

        Assert.Equal([("CLM-OLD", "1", "0001A"), ("CLM-OLD", "2", "99213")], history.Select(h => (h.ClaimId, h.Line.LineId, h.Line.Code.ToString())).Order());
        Assert.Empty(_store.Store.History(_store.Keys.Of("PAT-7"), ["CLM-OLD"], HistoryWindow.Day(day)));
        Assert.Empty(_store.Store.History(string.Empty, ["CLM-NEW"], HistoryWindow.Day(day)));
    }

    [SkippableFact]
    public async Task History_KeepsEachLinesRenderingProviderTaxonomy()
    {
        var claim = new ClaimBuilder().For("CLM-T", "PAT-T").On("2023-06-15").LineWith("1", "27447", 1500m).LineWith("2", "99213", 80m).Build();
        claim = claim with { Lines = [claim.Lines[0] with { RenderingProviderTaxonomy = "207X00000X" }, claim.Lines[1]] };
        await Confirmed(claim);

        var history = _store.Store.History(_store.Keys.Of("PAT-T"), ["CLM-NEW"], HistoryWindow.Day(new DateOnly(2023, 6, 15)));

        Assert.Equal([("1", "207X00000X"), ("2", "")], history.Select(h => (h.Line.LineId, h.Line.RenderingProviderTaxonomy)).Order());
    }

    [SkippableFact]
    public async Task History_ReadsEveryDayOfTheWindowAndNothingOutsideIt()
    {
        await Confirmed(new ClaimBuilder().For("CLM-W1", "PAT-W").On("2023-06-14").LineWith("1", "27447", 1500m).Build());
        await Confirmed(new ClaimBuilder().For("CLM-W2", "PAT-W").On("2023-06-16").LineWith("1", "99213", 80m).Build());
        await Confirmed(new ClaimBuilder().For("CLM-W3", "PAT-W").On("2023-06-13").LineWith("1", "99213", 80m).Build());
        await Confirmed(new ClaimBuilder().For("CLM-W4", "PAT-W").On("2023-06-17").LineWith("1", "99213", 80m).Build());

        var history = _store.Store.History(_store.Keys.Of("PAT-W"), ["CLM-NEW"], new HistoryWindow(new DateOnly(2023, 6, 14), new DateOnly(2023, 6, 16)));

        Assert.Equal(["CLM-W1", "CLM-W2"], history.Select(h => h.ClaimId).Order());
    }

    [SkippableFact]
    public async Task History_LeavesOutDrafts()
    {
        await _store.RecordAsync(new ClaimBuilder().For("CLM-DRAFT", "PAT-9").LineWith("1", "0001A", 40m).LineWith("2", "36591", 25m).Build());

        Assert.Empty(_store.Store.History(_store.Keys.Of("PAT-9"), ["CLM-NEW"], HistoryWindow.Day(new DateOnly(2023, 6, 15))));
        Assert.Equal(0, SentLines("CLM-DRAFT"));
    }

    [SkippableFact]
    public async Task History_WithCountUnconfirmedScrubs_IsTheLatestScrubOfEachClaim()
    {
        await using var store = AuditStore.Open(_store.DatabasePath + ".unconfirmed", countUnconfirmedScrubs: true);
        var scrubber = new Scrubber.Core.Scrubbing.ClaimScrubber(new());
        foreach (var claim in (Scrubber.Core.Claims.Claim[])[
            new ClaimBuilder().For("CLM-U", "PAT-U").LineWith("1", "0001A", 40m).LineWith("2", "36591", 25m).Build(),
            new ClaimBuilder().For("CLM-U", "PAT-U").LineWith("1", "0001A", 40m).Build()])
        {
            var result = scrubber.Scrub(claim, SampleTables.Snapshot, Scrubber.Core.Packs.PackSet.Empty);
            await store.RecordAsync(new Scrubs.ScrubRecord(Guid.CreateVersion7().ToString(), StoreFixture.T0, claim, _store.Keys.Of("PAT-U"), result));
        }

        var history = store.History(_store.Keys.Of("PAT-U"), ["CLM-NEW"], HistoryWindow.Day(new DateOnly(2023, 6, 15)));

        Assert.Equal(["0001A"], history.Select(h => h.Line.Code.ToString()));
    }

    [SkippableFact]
    public async Task ConfirmedReplacement_StandsInHistoryInPlaceOfItsOriginal()
    {
        await Confirmed(new ClaimBuilder().For("CLM-ORIG", "PAT-R").LineWith("1", "99213", 80m).Build());
        await Confirmed(new ClaimBuilder().For("CLM-REPL", "PAT-R").LineWith("1", "99213", 80m, "25").LineWith("2", "36591", 25m).Build()
            with { Frequency = Scrubber.Core.Claims.ClaimFrequency.Replacement, OriginalClaimId = "CLM-ORIG" });

        var history = _store.Store.History(_store.Keys.Of("PAT-R"), ["CLM-NEW"], HistoryWindow.Day(new DateOnly(2023, 6, 15)));

        Assert.Equal([("CLM-REPL", "1"), ("CLM-REPL", "2")], history.Select(h => (h.ClaimId, h.Line.LineId)).Order());
        Assert.Equal(0, SentLines("CLM-ORIG"));
    }

    [SkippableFact]
    public async Task ConfirmedVoid_TakesTheClaimOutOfHistory()
    {
        await Confirmed(new ClaimBuilder().For("CLM-GONE", "PAT-V").LineWith("1", "99213", 80m).Build());
        await Confirmed(new ClaimBuilder().For("CLM-GONE", "PAT-V").LineWith("1", "99213", 80m).Build()
            with { Frequency = Scrubber.Core.Claims.ClaimFrequency.Void, OriginalClaimId = "CLM-GONE" });

        Assert.Empty(_store.Store.History(_store.Keys.Of("PAT-V"), ["CLM-NEW"], HistoryWindow.Day(new DateOnly(2023, 6, 15))));
    }

    [SkippableFact]
    public async Task History_ReadByManyScrubsAtOnce_EachGetsItsOwnPatientsLines()
    {
        // Pooled read connections go back to the pool only once their reader is closed, so concurrent reads never
        // share an open statement.
        for (var p = 0; p < 4; p++)
        {
            await Confirmed(new ClaimBuilder().For($"CLM-P{p}", $"PAT-P{p}").LineWith("1", "99213", 80m).LineWith("2", p % 2 == 0 ? "93000" : "85025", 20m).Build());
        }

        var day = new DateOnly(2023, 6, 15);
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                var p = (worker + i) % 4;
                var history = _store.Store.History(_store.Keys.Of($"PAT-P{p}"), ["CLM-NEW"], HistoryWindow.Day(day));
                if (history.Count != 2 || history.Any(h => h.ClaimId != $"CLM-P{p}"))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));

        Assert.Equal(0, failures);
    }

    private async Task Confirmed(Scrubber.Core.Claims.Claim claim)
    {
        var record = await _store.RecordAsync(claim);
        Assert.NotNull(await _store.Store.ConfirmSubmissionAsync(record.ScrubId, StoreFixture.T0));
    }

    private long SentLines(string claimId) =>
        _store.Query($"SELECT COUNT(*) FROM sent_lines WHERE claim_id = '{claimId}'", r => r.GetInt64(0)).Single();

    private string SentScrub(string claimId) => _store.Store.SentScrubId(claimId)!;
}

public sealed class SubmissionTestsOnSqlite() : SubmissionTests(StoreProvider.Sqlite);

public sealed class SubmissionTestsOnPostgres() : SubmissionTests(StoreProvider.Postgres);
