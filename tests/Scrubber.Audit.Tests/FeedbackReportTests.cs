using System.Collections.Immutable;
using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Reports;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>The feedback reports on a seeded history whose every number can be checked by hand.</summary>
/// <remarks>
/// All claims are MEDICARE, billed and rendered by 1234567893. Sent and remitted:
/// B1, B2, B3: 0001U + 0030U-XE (bypassed by XE); 0030U denied CO-97 $150 on Aug 12 and 13, paid on Aug 14 (B3).
/// C1: 0001U + 0030U, warning accepted; 0030U denied CO-97 $120 on Aug 19 (week 34).
/// D1: 0001A + 36591 on 2023-06-15, hard stop forced; 36591 denied CO-97 $25 on Aug 12.
/// M1: 99213 + 93000, no edit; 93000 denied CO-97 $45 on Aug 12. M2: 99214 + 93000, no edit; 93000 denied CO-236 $40 on Aug 13.
/// Worked: D1/L2 written off $25 on Aug 20; C1/L2 appealed on Aug 25, recovered $120 on Sep 10; M1/L2 written off $45 on Aug 22.
/// </remarks>
public abstract class FeedbackReportTests(StoreProvider provider) : IAsyncLifetime
{
    private const string Provider = ClaimBuilder.BillingNpi;
    private readonly StoreFixture _store = new(provider);
    private IReadOnlyList<DeniedLine> _lines = [];

    public async Task InitializeAsync()
    {
        var remits = new List<RemittanceClaim>();
        foreach (var (id, paidOn, denied) in new[] { ("B1", 12, true), ("B2", 13, true), ("B3", 14, false) })
        {
            await Send(new ClaimBuilder().For(id).On("2026-07-20").LineWith("L1", "0001U", 300m).LineWith("L2", "0030U", 150m, "XE"));
            remits.Add(Remit(id, paidOn, Paid("L1", "0001U", 300m), denied ? Denied("L2", "0030U", 150m, "97") : Paid("L2", "0030U", 150m, "XE")));
        }

        await Send(new ClaimBuilder().For("C1").On("2026-07-20").LineWith("L1", "0001U", 300m).LineWith("L2", "0030U", 120m));
        remits.Add(Remit("C1", 19, Paid("L1", "0001U", 300m), Denied("L2", "0030U", 120m, "97")));
        await Send(new ClaimBuilder().For("D1").On("2023-06-15").LineWith("L1", "0001A", 40m).LineWith("L2", "36591", 25m));
        remits.Add(Remit("D1", 12, Paid("L1", "0001A", 40m, date: new DateOnly(2023, 6, 15)), Denied("L2", "36591", 25m, "97", new DateOnly(2023, 6, 15))));
        await Send(new ClaimBuilder().For("M1").On("2026-07-20").LineWith("L1", "99213", 110m).LineWith("L2", "93000", 45m));
        remits.Add(Remit("M1", 12, Paid("L1", "99213", 110m), Denied("L2", "93000", 45m, "97")));
        await Send(new ClaimBuilder().For("M2").On("2026-07-20").LineWith("L1", "99214", 150m).LineWith("L2", "93000", 40m));
        remits.Add(Remit("M2", 13, Paid("L1", "99214", 150m), Denied("L2", "93000", 40m, "236")));

        await _store.Store.IngestRemittanceAsync(new Remittance("seed", "seed.835", [.. remits]), StoreFixture.T0);
        await Resolve("D1", ResolutionStatus.WrittenOff, 25m, 20);
        await Resolve("C1", ResolutionStatus.Appealed, null, 25);
        await Resolve("C1", ResolutionStatus.Recovered, 120m, 41);
        await Resolve("M1", ResolutionStatus.WrittenOff, 45m, 22);
        _lines = _store.Store.SentLineOutcomes(ReportFilter.All);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public void SentLineOutcomes_ForAFilter_ReadsExactlyTheLinesItCovers()
    {
        ReportFilter[] filters =
        [
            ReportFilter.ForWeek("2026-W33"), ReportFilter.ForWeek("2026-W34"), ReportFilter.ForWeek("2026-W30"),
            new(new DateOnly(2026, 8, 13), new DateOnly(2026, 8, 19)), new(To: new DateOnly(2026, 8, 12)), new(From: new DateOnly(2026, 8, 14)),
            new(PayerId: "MEDICARE"), new(PayerId: "ACME01"), new(Provider: Provider), new(Provider: "1999999992"),
            ReportFilter.ForWeek("2026-W33", "MEDICARE", Provider),
        ];

        foreach (var filter in filters)
        {
            var expected = _lines.Where(filter.Covers).Select(l => (l.ClaimId, l.LineId, l.Day)).Order().ToList();
            var read = _store.Store.SentLineOutcomes(filter).Select(l => (l.ClaimId, l.LineId, l.Day)).Order().ToList();

            Assert.Equal(expected, read);
        }

        Assert.Equal(14, _lines.Count);
        Assert.Equal(6, _store.Store.SentLineOutcomes(new ReportFilter(To: new DateOnly(2026, 8, 12))).Count);
    }

    [SkippableFact]
    public async Task Purge_KeepsTheWeeklyReportOfPurgedWeeks_AndRemovesTheirLinesAndScrubs()
    {
        var before = Weekly(ReportFilter.All);
        var week33 = Weekly(ReportFilter.ForWeek("2026-W33"));
        var bundlingOnly = Weekly(ReportFilter.All with { Families = new HashSet<string> { DenialFamilies.Bundling } });
        var counts = _store.Store.Counts();

        var result = await _store.Store.PurgeAsync(new DateOnly(2026, 8, 17));

        // Week 33 (August 12–14) is gone line by line: six claims, five of them with a denied line; C1 (week 34) stays,
        // with the scrub its outcome holds and its resolutions.
        Assert.Equal(new Retention.PurgeResult(Scrubs: 6, RemittanceClaims: 6, RemittanceLines: 12, DeniedLinesAggregated: 5, AggregateRows: 4), result);
        Assert.Equal(["C1/L1", "C1/L2"], _store.Store.SentLineOutcomes(ReportFilter.All).Select(l => $"{l.ClaimId}/{l.LineId}").Order(StringComparer.Ordinal));
        Assert.Equal(counts with { Scrubs = 1, Claims = 1, ConfirmedClaims = 0, RemittanceClaims = 1, RemittanceLines = 2, Resolutions = 2 },
            _store.Store.Counts());
        Assert.Empty(FeedbackReports.Missed(_store.Store.SentLineOutcomes(ReportFilter.All), ReportFilter.All));

        // The weekly report reads the same, from the aggregates for week 33 and the lines for week 34.
        Assert.Equal(before, Weekly(ReportFilter.All));
        Assert.Equal(week33, Weekly(ReportFilter.ForWeek("2026-W33")));
        Assert.Equal(bundlingOnly, Weekly(ReportFilter.All with { Families = new HashSet<string> { DenialFamilies.Bundling } }));
        Assert.Empty(Weekly(ReportFilter.All with { PayerId = "ACME01" }));

        // Nothing older is left: a second purge removes nothing and keeps the report. Each purge is on record.
        Assert.Equal(new Retention.PurgeResult(0, 0, 0, 0, 0), await _store.Store.PurgeAsync(new DateOnly(2026, 8, 17)));
        Assert.Equal(before, Weekly(ReportFilter.All));
        Assert.Equal([("2026-08-17", 6L, 6L, 5L), ("2026-08-17", 0L, 0L, 0L)],
            _store.Query("SELECT before_day, scrubs, outcomes, aggregated FROM purges ORDER BY purged_at",
                r => (r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3))));
    }

    [SkippableFact]
    public async Task Purge_StoppedAfterItsFirstBatches_LeavesWholeBatchesAndEndsTheSameWhenRunAgain()
    {
        var before = Weekly(ReportFilter.All);
        using var stop = new CancellationTokenSource();
        var batches = 0;
        var progress = new SynchronousProgress(_ => { if (++batches == 2) { stop.Cancel(); } });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.Store.PurgeAsync(new DateOnly(2026, 8, 17), batchSize: 2, progress, stop.Token));
        var partial = _store.Store.SentLineOutcomes(ReportFilter.All).Count;
        var rest = await _store.Store.PurgeAsync(new DateOnly(2026, 8, 17), batchSize: 2, null, CancellationToken.None);

        // Two batches of two claims went first (eight lines of fourteen); the second run took the other two claims.
        Assert.Equal(14 - 8, partial);
        Assert.Equal(2, rest.RemittanceClaims);
        Assert.Equal(["C1/L1", "C1/L2"], _store.Store.SentLineOutcomes(ReportFilter.All).Select(l => $"{l.ClaimId}/{l.LineId}").Order(StringComparer.Ordinal));
        Assert.Equal(before, Weekly(ReportFilter.All));
    }

    [SkippableFact]
    public async Task StoreReports_ForEveryFilter_AreTheReportsOfTheLines_BeforeAndAfterAPurge()
    {
        ReportChecks.FactsMatchTheirSource(_store.Store);
        ReportChecks.StoreReportsMatchTheLines(_store.Store, ReportChecks.Filters("2026-W33", "MEDICARE", Provider));

        await _store.Store.PurgeAsync(new DateOnly(2026, 8, 17));

        ReportChecks.FactsMatchTheirSource(_store.Store);
        ReportChecks.StoreReportsMatchTheLines(_store.Store, ReportChecks.Filters("2026-W33", "MEDICARE", Provider));
    }

    private sealed class SynchronousProgress(Action<Retention.PurgeResult> report) : IProgress<Retention.PurgeResult>
    {
        public void Report(Retention.PurgeResult value) => report(value);
    }

    // Rows as JSON: a row's tallies are dictionaries, which records compare by reference.
    private List<string> Weekly(ReportFilter filter) =>
    [
        .. WeeklyDashboard.Compute(_store.Store.SentLineOutcomes(filter), filter, WeeklyDashboard.DefaultRepeatThreshold, _store.Store.PurgedWeeks(filter))
            .Select(r => System.Text.Json.JsonSerializer.Serialize(r)),
    ];

    [SkippableFact]
    public void OverriddenThenDenied_GroupsByPairPayerProviderModifierWeekAndFate()
    {
        var rows = FeedbackReports.OverriddenThenDenied(_lines, ReportFilter.All);

        Assert.Equal(
        [
            new OverriddenThenDeniedRow("0001U", "0030U", "MEDICARE", Provider, "XE", "2026-W33", "overridden_by_modifier", 2, 300m, 1, 1 / 3.0) { Group = "CO" },
            new OverriddenThenDeniedRow("0001U", "0030U", "MEDICARE", Provider, "", "2026-W34", "overridden_by_acceptance", 1, 120m, 0, 0) { Group = "CO" },
            new OverriddenThenDeniedRow("0001A", "36591", "MEDICARE", Provider, "", "2026-W33", "forced", 1, 25m, 0, 0) { Group = "CO" },
        ], rows);
    }

    [SkippableFact]
    public void OverriddenThenDenied_ForOneWeek_KeepsThatWeekOnly()
    {
        var row = Assert.Single(FeedbackReports.OverriddenThenDenied(_lines, ReportFilter.ForWeek("2026-W34")));

        Assert.Equal(("overridden_by_acceptance", 120m), (row.Fate, row.DollarsDenied));
    }

    [SkippableFact]
    public void Missed_ListsBundlingDenialsNoEditCaught()
    {
        var row = Assert.Single(FeedbackReports.Missed(_lines, ReportFilter.All));

        Assert.Equal(("MEDICARE", "93000", "", Provider, "2026-W33", 2, 85m), (row.PayerId, row.Code, row.Modifiers, row.Provider, row.Week, row.Denied, row.DollarsDenied));
        Assert.Equal(["M1/L2", "M2/L2"], row.Claims);
    }

    [SkippableFact]
    public void Reports_ForAnotherPayerOrProvider_AreEmpty()
    {
        Assert.Empty(FeedbackReports.OverriddenThenDenied(_lines, new ReportFilter(PayerId: "ACME01")));
        Assert.Empty(FeedbackReports.Missed(_lines, new ReportFilter(Provider: "1245319599")));
    }

    [SkippableTheory]
    [InlineData("2026-W3")]
    [InlineData("2026-W54")]
    [InlineData("26-W33")]
    public void ForWeek_NotAnIsoWeek_SaysWhatIsExpected(string week) =>
        Assert.Contains("is not an ISO week such as 2026-W33", Assert.Throws<FormatException>(() => ReportFilter.ForWeek(week)).Message, StringComparison.Ordinal);

    [SkippableFact]
    public void WeeklyDashboard_OneRowPerWeekAndPair_RepeatOffendersFlaggedWithTheirAction()
    {
        var rows = WeeklyDashboard.Compute(_lines, ReportFilter.All, repeatThreshold: 2);

        Assert.Equal(
        [
            ("2026-W33", "0001U", "0030U", "0030U", 2, "1", 300m, RootCauses.ModifierNotAccepted, true, "talk to the provider"),
            ("2026-W33", "", "", "93000", 2, "not in NCCI", 85m, RootCauses.PayerProprietaryBundle, true, "add a payer rule"),
            ("2026-W33", "0001A", "36591", "36591", 1, "0", 25m, RootCauses.HardBundle, false, ""),
            ("2026-W34", "0001U", "0030U", "0030U", 1, "1", 120m, RootCauses.MissingModifier, false, ""),
        ], rows.Select(r => (r.Week, r.Column1, r.Column2, r.DeniedCode, r.Occurrences, r.ModifierIndicator, r.DollarsDenied, r.RootCause, r.RepeatOffender, r.Action)));
        var top = rows[0];
        Assert.Equal((Provider, 1.0), (top.PrimaryProvider, top.PrimaryProviderShare));
        Assert.Equal(2, top.Payers["MEDICARE"]);
        Assert.Equal(2, top.Resolutions["unworked"]);
        Assert.Equal(1, rows[2].Resolutions["written_off"]);
        Assert.All(rows, r => Assert.Equal((DenialFamilies.Bundling, "CO"), (r.Family, r.Group)));
    }

    [SkippableFact]
    public void WeeklyDashboard_DenialsNoEditNamedAPairFor_AreRowsOfTheDeniedCodeWithTheirSameDayCodes()
    {
        var row = Assert.Single(WeeklyDashboard.Compute(_lines, ReportFilter.All), r => r.DeniedCode == "93000");

        // M1 billed 93000 with 99213 and M2 with 99214: neither is a column 1 any table named, so neither is guessed.
        Assert.Equal(("", ""), (row.Column1, row.Column2));
        Assert.Equal<string>(["99213", "99214"], row.ContextCodes);
    }

    [SkippableFact]
    public void WeeklyDashboard_DefaultThreshold_FlagsNothingBelowThree() =>
        Assert.DoesNotContain(WeeklyDashboard.Compute(_lines, ReportFilter.All), r => r.RepeatOffender);

    [SkippableFact]
    public void Kpis_AddUpTheSeededHistory()
    {
        var kpis = Kpis.Compute(_lines, ReportFilter.All);

        var august = Assert.Single(kpis.Months);
        Assert.Equal(("2026-08", 530m, 2180m, 6, 6), (august.Month, august.BundlingDollars, august.Charges, august.BundlingDenials, august.AllDenials));
        Assert.Equal(530.0 / 2180.0, august.ShareOfCharges, 6);
        Assert.Equal(1.0, august.ShareOfDenials);
        Assert.Equal([("0001U", "0030U", 3, 420m), ("", "93000", 2, 85m), ("0001A", "36591", 1, 25m)],
            kpis.TopPairs.Select(p => (p.Column1, p.Column2, p.Denied, p.DollarsDenied)));
        Assert.Equal(new OverturnRate("MEDICARE", RootCauses.MissingModifier, 1, 1, 1.0), Assert.Single(kpis.Overturns));
        Assert.Equal((8 + 22 + 10) / 3.0, kpis.AverageDaysToResolution!.Value, 6);
        Assert.Equal((25m, 45m), (kpis.WrittenOffPreventable, kpis.WrittenOffContestable));
    }

    [SkippableFact]
    public void Patterns_ClassifyEachPayerPair()
    {
        Assert.Equal(
        [
            new PatternRow("MEDICARE", "", "93000", Patterns.InappropriatelyDenied, 0, 2, 0) { Group = "CO" },
            new PatternRow("MEDICARE", "0001A", "36591", Patterns.AlwaysBundled, 0, 1, 0) { Group = "CO" },
            new PatternRow("MEDICARE", "0001U", "0030U", Patterns.ConditionallyPayable, 1, 3, 1) { Group = "CO" },
        ], Patterns.Compute(_lines, ReportFilter.All));
    }

    [SkippableFact]
    public void RuleProposals_RefusedModifier_IsDraftedWithEvidenceAndReplay()
    {
        var proposal = Assert.Single(RuleProposals.Compute(_lines, ReportFilter.All, minimumSupport: 2));

        Assert.Equal(("MEDICARE", "0001U", "0030U", "XE", "modifier refused", 2, 300m), (proposal.PayerId, proposal.Column1, proposal.Column2, proposal.Modifiers, proposal.Kind, proposal.Support, proposal.DollarsDenied));
        Assert.Equal<string>(["B1/L2", "B2/L2"], proposal.ClaimLines);
        Assert.Equal((3, 1), (proposal.WouldHaveFlagged, proposal.WouldHaveFlaggedPaid));
    }

    [SkippableFact]
    public void RuleProposals_MissedBundles_NeedTheirSupport()
    {
        var proposals = RuleProposals.Compute(_lines, ReportFilter.All, minimumSupport: 1);

        Assert.Equal(
        [
            ("0001U", "0030U", "modifier refused", 3, 1),
            ("99213", "93000", "missed bundle", 1, 0),
            ("99214", "93000", "missed bundle", 1, 0),
        ], proposals.Select(p => (p.Column1, p.Column2, p.Kind, p.WouldHaveFlagged, p.WouldHaveFlaggedPaid)));
    }

    [SkippableFact]
    public void RuleProposals_DraftedRule_LoadsInAPackAndFiresOnItsEvidence()
    {
        var proposal = RuleProposals.Compute(_lines, ReportFilter.All, minimumSupport: 1).Single(p => p.Kind == "missed bundle" && p.Column1 == "99213");
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "medicare-proposals");
        Directory.CreateDirectory(Path.Combine(folder, "examples"));
        File.WriteAllText(Path.Combine(folder, "pack.json"), $$"""{ "id": "medicare-proposals", "payers": ["MEDICARE"], "rules": [ {{proposal.RuleJson}} ] }""");
        var rule = System.Text.Json.JsonDocument.Parse(proposal.RuleJson).RootElement.GetProperty("name").GetString();
        File.WriteAllText(Path.Combine(folder, "examples", "evidence.json"), $$"""
            { "description": "M1 as sent", "claim": { "claimId": "M1", "payerId": "MEDICARE", "billingProviderNpi": "{{Provider}}", "lines": [
              { "lineId": "L1", "procedureCode": "99213", "serviceDate": "2026-07-20", "charge": "110.00", "units": 1 },
              { "lineId": "L2", "procedureCode": "93000", "serviceDate": "2026-07-20", "charge": "45.00", "units": 1 } ] },
              "expect": [ { "rule": "{{rule}}", "line": "L2", "severity": "warning" } ] }
            """);

        var loaded = Scrubber.Core.Packs.PackLoader.Load(folder);

        Assert.Empty(loaded.Errors);
        var outcomes = Scrubber.Core.Packs.PackExampleRunner.Run(loaded.Pack!, new Scrubber.Core.Scrubbing.ClaimScrubber(new Scrubber.Core.Scrubbing.ScrubOptions()), SampleTables.Snapshot);
        Assert.True(Assert.Single(outcomes).Passed);
    }

    [SkippableFact]
    public async Task ReplacementSentAfterADenial_WorksTheOriginalLineAsCorrectedClaimSent()
    {
        Assert.Null(_lines.Single(l => (l.ClaimId, l.LineId) == ("M2", "L2")).Resolution);
        var replacement = new ClaimBuilder().For("M2-R").On("2026-07-20").LineWith("L1", "99214", 150m, "25").LineWith("L2", "93000", 40m).Build()
            with { Frequency = Scrubber.Core.Claims.ClaimFrequency.Replacement, OriginalClaimId = "M2" };
        var draft = await _store.RecordAsync(replacement);

        var whileDraft = _store.Store.SentLineOutcomes(ReportFilter.All).Single(l => (l.ClaimId, l.LineId) == ("M2", "L2"));
        await _store.Store.ConfirmSubmissionAsync(draft.ScrubId, new DateTimeOffset(2026, 8, 27, 9, 0, 0, TimeSpan.Zero));
        var worked = _store.Store.SentLineOutcomes(ReportFilter.All).Single(l => (l.ClaimId, l.LineId) == ("M2", "L2"));

        Assert.Null(whileDraft.Resolution);
        Assert.Equal(("corrected_claim_sent", new DateOnly(2026, 8, 27)), (worked.Resolution, worked.ResolvedOn));
        Assert.Null(_store.Store.SentLineOutcomes(ReportFilter.All).Single(l => (l.ClaimId, l.LineId) == ("M2", "L1")).Resolution);
    }

    private async Task Resolve(string claimId, ResolutionStatus status, decimal? amount, int daysAfterAugust1st) =>
        await _store.Store.UpdateResolutionAsync(new Resolution(claimId, "L2", status, amount, new DateOnly(2026, 8, 1).AddDays(daysAfterAugust1st - 1), ""), StoreFixture.T0);

    private async Task Send(ClaimBuilder claim) => await _store.RecordAsync(claim.Build());

    private static RemittanceClaim Remit(string claimId, int augustDay, params RemittanceLine[] lines) =>
        new(claimId, "1", lines.Sum(l => l.Charge), lines.Sum(l => l.Paid), $"ICN-{claimId}", new DateOnly(2026, 8, augustDay), [], [.. lines]);

    private static RemittanceLine Paid(string lineId, string code, decimal charge, string modifier = "", DateOnly? date = null) =>
        new(lineId, code, modifier.Length == 0 ? [] : [modifier], "", date ?? new DateOnly(2026, 7, 20), charge, charge, [], ImmutableArray<string>.Empty);

    private static RemittanceLine Denied(string lineId, string code, decimal charge, string reason, DateOnly? date = null) =>
        new(lineId, code, [], "", date ?? new DateOnly(2026, 7, 20), charge, 0m, [new RemittanceAdjustment("CO", reason, charge, null)], ImmutableArray<string>.Empty);
}

public sealed class FeedbackReportTestsOnSqlite() : FeedbackReportTests(StoreProvider.Sqlite);

public sealed class FeedbackReportTestsOnPostgres() : FeedbackReportTests(StoreProvider.Postgres);
