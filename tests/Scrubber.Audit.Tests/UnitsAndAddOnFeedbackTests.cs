using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Reports;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>The feedback reports over units (CARC 151/119 + N362), add-on (B15) and duplicate (CARC 18) denials, tied to
/// the MUE, add-on and duplicate edits of their family, on a seeded history whose every number can be checked by hand.</summary>
/// <remarks>
/// All claims are MEDICARE, billed by 1234567893, dated 2026-07-20; line 1 is paid unless said otherwise; the 835s are
/// paid in August 2026 (week 33 is Aug 10–16).
/// U1, U2, U3: 99213 + 0009U ×4 units, MUE_UNITS_EXCEEDED warning sent anyway; 0009U denied CO-151 N362 $200 (Aug 12, 12, 13).
/// U4: 99213 + 0009U ×3, the same warning sent anyway; paid (Aug 13).
/// V1, V2, V3: 99213 + 97110 ×6, no edit; 97110 denied $40: CO-151 N362, CO-151 N362, CO-119 N362 (Aug 12, 12, 13).
/// V4, V5: 99213 + 97110 ×4 and ×2, no edit; paid (Aug 13).
/// W1: 0001U + 0030U-XE (NCCI PTP bypassed by XE); 0030U denied CO-151 N362 $150 (Aug 12): a PTP edit does not foresee units.
/// N1: 99213 + G0463, MUE_NOT_PAYABLE warning sent anyway; G0463 denied CO-151 N362 $50 (Aug 12), written off $50 on Aug 20.
/// A1, A2, A3: 99213 + 11045, ADDON_WITHOUT_PRIMARY hard stop forced; 11045 denied CO-B15 $80 (Aug 12, 13, 13).
/// B1, B2, B3: 99213 + 64484, no edit; 64484 denied CO-B15 $90 (Aug 12). B4: 64483 + 64484, paid (Aug 13).
/// D1: 99213 twice (the engine's DUPLICATE_SERVICE hard stop, forced); line 2 denied OA-18 $100 (Aug 12).
/// U1/L2 appealed on Aug 25.
/// </remarks>
public abstract class UnitsAndAddOnFeedbackTests(StoreProvider provider) : IAsyncLifetime
{
    private const string Provider = ClaimBuilder.BillingNpi;
    private readonly StoreFixture _store = new(provider);
    private readonly List<RemittanceClaim> _remits = [];
    private IReadOnlyList<DeniedLine> _lines = [];

    public async Task InitializeAsync()
    {
        foreach (var (id, day) in new[] { ("U1", 12), ("U2", 12), ("U3", 13) })
        {
            await Send(id, "99213", 100m, "0009U", 200m, 4, Mue(EditTypes.MueUnitsExceeded, "0009U", Severity.Warning));
            Remit(id, day, "99213", 100m, Denied("0009U", 200m, "CO", "151", "N362"));
        }

        await Send("U4", "99213", 100m, "0009U", 200m, 3, Mue(EditTypes.MueUnitsExceeded, "0009U", Severity.Warning));
        Remit("U4", 13, "99213", 100m, Paid("0009U", 200m));

        foreach (var (id, day, reason) in new[] { ("V1", 12, "151"), ("V2", 12, "151"), ("V3", 13, "119") })
        {
            await Send(id, "99213", 100m, "97110", 40m, 6);
            Remit(id, day, "99213", 100m, Denied("97110", 40m, "CO", reason, "N362"));
        }

        foreach (var (id, units) in new[] { ("V4", 4), ("V5", 2) })
        {
            await Send(id, "99213", 100m, "97110", 40m, units);
            Remit(id, 13, "99213", 100m, Paid("97110", 40m));
        }

        await _store.RecordAsync(new ClaimBuilder().For("W1").On("2026-07-20").LineWith("L1", "0001U", 300m).LineWith("L2", "0030U", 150m, "XE").Build());
        Remit("W1", 12, "0001U", 300m, Denied("0030U", 150m, "CO", "151", "N362") with { Modifiers = ["XE"] });

        await Send("N1", "99213", 100m, "G0463", 50m, 1, Mue(EditTypes.MueNotPayable, "G0463", Severity.Warning));
        Remit("N1", 12, "99213", 100m, Denied("G0463", 50m, "CO", "151", "N362"));

        foreach (var (id, day) in new[] { ("A1", 12), ("A2", 13), ("A3", 13) })
        {
            await Send(id, "99213", 100m, "11045", 80m, 1, AddOn("11045"));
            Remit(id, day, "99213", 100m, Denied("11045", 80m, "CO", "B15"));
        }

        foreach (var id in new[] { "B1", "B2", "B3" })
        {
            await Send(id, "99213", 100m, "64484", 90m, 1);
            Remit(id, 12, "99213", 100m, Denied("64484", 90m, "CO", "B15"));
        }

        await Send("B4", "64483", 300m, "64484", 90m, 1);
        Remit("B4", 13, "64483", 300m, Paid("64484", 90m));

        await Send("D1", "99213", 100m, "99213", 100m, 1);
        Remit("D1", 12, "99213", 100m, Denied("99213", 100m, "OA", "18"));

        await _store.Store.IngestRemittanceAsync(new Remittance("units-add-on", "units-add-on.835", [.. _remits]), StoreFixture.T0);
        await _store.Store.UpdateResolutionAsync(new Resolution("N1", "L2", ResolutionStatus.WrittenOff, 50m, new DateOnly(2026, 8, 20), ""), StoreFixture.T0);
        await _store.Store.UpdateResolutionAsync(new Resolution("U1", "L2", ResolutionStatus.Appealed, null, new DateOnly(2026, 8, 25), ""), StoreFixture.T0);
        _lines = _store.Store.SentLineOutcomes(ReportFilter.All);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public void StoreReports_ForEveryFilter_AreTheReportsOfTheLines()
    {
        ReportChecks.FactsMatchTheirSource(_store.Store);
        ReportChecks.StoreReportsMatchTheLines(_store.Store, ReportChecks.Filters("2026-W33", "MEDICARE", Provider));
    }

    [SkippableFact]
    public void SentLineOutcomes_KeepTheEditOfTheDenialsFamily_AndNoneOfAnother()
    {
        string? Fate(string claim) => _lines.Single(l => (l.ClaimId, l.LineId) == (claim, "L2")).Edit?.Fate;
        string? Type(string claim) => _lines.Single(l => (l.ClaimId, l.LineId) == (claim, "L2")).Edit?.EditType;

        Assert.Equal(
            [(EditTypes.MueUnitsExceeded, "overridden_by_acceptance"), (EditTypes.MueUnitsExceeded, "overridden_by_acceptance"),
             (EditTypes.MueNotPayable, "overridden_by_acceptance"), (EditTypes.AddOnWithoutPrimary, "forced"), (EditTypes.DuplicateService, "forced")],
            new[] { "U1", "U4", "N1", "A1", "D1" }.Select(c => (Type(c), Fate(c))));

        // W1's line carries a PTP edit bypassed by XE, but a units denial is not what a PTP edit foresees.
        Assert.Null(Fate("W1"));
        Assert.Equal(6, _lines.Single(l => (l.ClaimId, l.LineId) == ("V1", "L2")).Units);
    }

    [SkippableFact]
    public void OverriddenThenDenied_MueAddOnAndDuplicateEdits_AreRowsOfTheCodeInTheirFamily()
    {
        var rows = FeedbackReports.OverriddenThenDenied(_lines, ReportFilter.All);

        Assert.Equal(
        [
            new OverriddenThenDeniedRow("", "0009U", "MEDICARE", Provider, "", "2026-W33", "overridden_by_acceptance", 3, 600m, 1, 1 / 4.0) { Family = DenialFamilies.Units, Group = "CO" },
            new OverriddenThenDeniedRow("", "11045", "MEDICARE", Provider, "", "2026-W33", "forced", 3, 240m, 0, 0) { Family = DenialFamilies.AddOn, Group = "CO" },
            new OverriddenThenDeniedRow("", "99213", "MEDICARE", Provider, "", "2026-W33", "forced", 1, 100m, 0, 0) { Family = DenialFamilies.Duplicate, Group = "OA" },
            new OverriddenThenDeniedRow("", "G0463", "MEDICARE", Provider, "", "2026-W33", "overridden_by_acceptance", 1, 50m, 0, 0) { Family = DenialFamilies.Units, Group = "CO" },
        ], rows);
    }

    [SkippableFact]
    public void Missed_UnitsAndAddOnDenialsNoEditOfTheirFamilyCaught_IncludingAUnitsDenialUnderAPtpEdit()
    {
        var rows = FeedbackReports.Missed(_lines, ReportFilter.All);

        Assert.Equal(
        [
            ("64484", "", DenialFamilies.AddOn, 3, 270m),
            ("0030U", "XE", DenialFamilies.Units, 1, 150m),
            ("97110", "", DenialFamilies.Units, 3, 120m),
        ], rows.Select(r => (r.Code, r.Modifiers, r.Family, r.Denied, r.DollarsDenied)));
        Assert.Equal(["V1/L2", "V2/L2", "V3/L2"], rows[2].Claims);
    }

    [SkippableFact]
    public void Missed_ForTheAddOnFamily_KeepsAddOnsOnly() =>
        Assert.Equal(["64484"], FeedbackReports.Missed(_lines, new ReportFilter(Families: ReportFilter.ParseFamilies(["add_on"]))).Select(r => r.Code));

    [SkippableFact]
    public void WeeklyDashboard_UnitsAndAddOnRepeatOffenders_AreRowsOfTheCodeWithTheirAction()
    {
        var rows = WeeklyDashboard.Compute(_lines, ReportFilter.All);

        Assert.Equal(
        [
            ("", "", "0009U", DenialFamilies.Units, 3, "MUE", 600m, RootCauses.UnitsOverMue, true, "bill units within the MUE, or appeal with the record where the MUE is clinical", 4.0),
            ("", "", "64484", DenialFamilies.AddOn, 3, "not in NCCI", 270m, RootCauses.NotCaught, true, "bill the primary service with the add-on, or drop the add-on", 0.0),
            ("", "", "11045", DenialFamilies.AddOn, 3, "add-on", 240m, RootCauses.AddOnWithoutPrimary, true, "bill the primary service with the add-on, or drop the add-on", 0.0),
            ("", "", "97110", DenialFamilies.Units, 3, "not in NCCI", 120m, RootCauses.NotCaught, true, "check units against the MUE before sending", 6.0),
            ("", "", "0030U", DenialFamilies.Units, 1, "not in NCCI", 150m, RootCauses.NotCaught, false, "", 1.0),
            ("", "", "99213", DenialFamilies.Duplicate, 1, "duplicate", 100m, RootCauses.DuplicateSent, false, "", 0.0),
            ("", "", "G0463", DenialFamilies.Units, 1, "MUE", 50m, RootCauses.NotPayableInSetting, false, "", 1.0),
        ], rows.Select(r => (r.Column1, r.Column2, r.DeniedCode, r.Family, r.Occurrences, r.ModifierIndicator, r.DollarsDenied, r.RootCause, r.RepeatOffender, r.Action, r.MaxUnits)));
        Assert.All(rows, r => Assert.Equal("2026-W33", r.Week));

        // The codes billed beside an add-on say whether its primary was there; an MUE is the code's own.
        Assert.Equal<string>(["99213"], rows.Single(r => r.DeniedCode == "11045").ContextCodes);
        Assert.Empty(rows.Single(r => r.DeniedCode == "97110").ContextCodes);
        Assert.Equal(1, rows.Single(r => r.DeniedCode == "G0463").Resolutions["written_off"]);
        Assert.Equal((1, 2), (rows[0].Resolutions["appealed"], rows[0].Resolutions["unworked"]));
    }

    [SkippableFact]
    public void Kpis_CountUnitsAddOnAndDuplicateDenials_ByCode_AndAnMueZeroWriteOffAsPreventable()
    {
        var kpis = Kpis.Compute(_lines, ReportFilter.All);

        var august = Assert.Single(kpis.Months);
        Assert.Equal(("2026-08", 1530m, 15, 15), (august.Month, august.BundlingDollars, august.BundlingDenials, august.AllDenials));
        Assert.Equal(
        [
            ("", "0009U", DenialFamilies.Units, 3, 600m), ("", "64484", DenialFamilies.AddOn, 3, 270m), ("", "11045", DenialFamilies.AddOn, 3, 240m),
            ("", "0030U", DenialFamilies.Units, 1, 150m), ("", "97110", DenialFamilies.Units, 3, 120m), ("", "99213", DenialFamilies.Duplicate, 1, 100m),
            ("", "G0463", DenialFamilies.Units, 1, 50m),
        ], kpis.TopPairs.Select(p => (p.Column1, p.Column2, p.Family, p.Denied, p.DollarsDenied)));
        Assert.Equal(new OverturnRate("MEDICARE", RootCauses.UnitsOverMue, 1, 0, 0), Assert.Single(kpis.Overturns));
        Assert.Equal((50m, 0m), (kpis.WrittenOffPreventable, kpis.WrittenOffContestable));
        Assert.Equal((8 + 13) / 2.0, kpis.AverageDaysToResolution!.Value, 6);
    }

    [SkippableFact]
    public void Patterns_UnitsAndAddOnCodes_ArePayableWhenThePayerPaidThemAndAlwaysDeniedOtherwise()
    {
        Assert.Equal(
        [
            new PatternRow("MEDICARE", "", "0009U", Patterns.ConditionallyPayable, 1, 3, 0) { Family = DenialFamilies.Units, Group = "CO" },
            new PatternRow("MEDICARE", "", "0030U", Patterns.AlwaysDenied, 0, 1, 0) { Family = DenialFamilies.Units, Group = "CO" },
            new PatternRow("MEDICARE", "", "11045", Patterns.AlwaysDenied, 0, 3, 0) { Family = DenialFamilies.AddOn, Group = "CO" },
            new PatternRow("MEDICARE", "", "64484", Patterns.ConditionallyPayable, 1, 3, 0) { Family = DenialFamilies.AddOn, Group = "CO" },
            new PatternRow("MEDICARE", "", "97110", Patterns.ConditionallyPayable, 2, 3, 0) { Family = DenialFamilies.Units, Group = "CO" },
            new PatternRow("MEDICARE", "", "99213", Patterns.ConditionallyPayable, 17, 1, 0) { Family = DenialFamilies.Duplicate, Group = "OA" },
            new PatternRow("MEDICARE", "", "G0463", Patterns.AlwaysDenied, 0, 1, 0) { Family = DenialFamilies.Units, Group = "CO" },
        ], Patterns.Compute(_lines, ReportFilter.All));
    }

    [SkippableFact]
    public void RuleProposals_MissedUnitsAndAddOns_AreLineRulesOnTheCode_AndWarnedOnesAreNot()
    {
        var proposals = RuleProposals.Compute(_lines, ReportFilter.All);

        Assert.Equal(
        [
            ("", "64484", RuleProposals.AddOnWithoutPrimary, 3, 270m, 3, 0),
            ("", "97110", RuleProposals.UnitsOverLimit, 3, 120m, 3, 0),
        ], proposals.Select(p => (p.Column1, p.Column2, p.Kind, p.Support, p.DollarsDenied, p.WouldHaveFlagged, p.WouldHaveFlaggedPaid)));
        var addOn = proposals[0];
        var units = proposals[1];
        Assert.Equal<string>(["64483"], addOn.PrimaryCodes);
        Assert.Null(addOn.UnitLimit);
        Assert.Equal(4, units.UnitLimit);
        Assert.Equal<string>(["V1/L2", "V2/L2", "V3/L2"], units.ClaimLines);
        Assert.Equal(("line", "line.Units > 4"), (Rule(units, "scope"), Rule(units, "expression")));
        Assert.Equal(("line", "!line.SameDayHasCode(\"64483\")"), (Rule(addOn, "scope"), Rule(addOn, "expression")));
    }

    [SkippableFact]
    public void RuleProposals_UnitsWithNothingPaidBelowTheDenials_FlagFromTheFewestDenied()
    {
        var unpaid = _lines.Where(l => !(l.Code == "97110" && l.Paid)).ToList();

        var units = Assert.Single(RuleProposals.Compute(unpaid, ReportFilter.All), p => p.Kind == RuleProposals.UnitsOverLimit);

        Assert.Equal(5, units.UnitLimit);
        Assert.Equal("line.Units > 5", Rule(units, "expression"));
    }

    [SkippableFact]
    public void RuleProposals_DraftedUnitsAndAddOnRules_LoadInAPackAndFireOnTheirEvidenceOnly()
    {
        var proposals = RuleProposals.Compute(_lines, ReportFilter.All);
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "medicare-proposals");
        Directory.CreateDirectory(Path.Combine(folder, "examples"));
        File.WriteAllText(Path.Combine(folder, "pack.json"),
            $$"""{ "id": "medicare-proposals", "payers": ["MEDICARE"], "ncciTable": "none", "rules": [ {{string.Join(", ", proposals.Select(p => p.RuleJson))}} ] }""");
        var units = RuleName(proposals.Single(p => p.Kind == RuleProposals.UnitsOverLimit));
        var addOn = RuleName(proposals.Single(p => p.Kind == RuleProposals.AddOnWithoutPrimary));
        Example(folder, "v1", "97110", 6, "99213", $$"""[ { "rule": "{{units}}", "line": "L2", "severity": "warning" } ]""");
        Example(folder, "v4", "97110", 4, "99213", "[]");
        Example(folder, "b1", "64484", 1, "99213", $$"""[ { "rule": "{{addOn}}", "line": "L2", "severity": "warning" } ]""");
        Example(folder, "b4", "64484", 1, "64483", "[]");

        var loaded = Scrubber.Core.Packs.PackLoader.Load(folder);

        Assert.Empty(loaded.Errors);
        var outcomes = Scrubber.Core.Packs.PackExampleRunner.Run(loaded.Pack!, new ClaimScrubber(new ScrubOptions()), SampleTables.Snapshot);
        Assert.Equal(4, outcomes.Length);
        Assert.All(outcomes, o => Assert.True(o.Passed, o.Explanation));
    }

    private static string RuleName(RuleProposal proposal) => Rule(proposal, "name");

    private static string Rule(RuleProposal proposal, string property) =>
        System.Text.Json.JsonDocument.Parse(proposal.RuleJson).RootElement.GetProperty(property).GetString()!;

    private static void Example(string folder, string name, string code, int units, string beside, string expect) =>
        File.WriteAllText(Path.Combine(folder, "examples", name + ".json"), $$"""
            { "description": "{{name}} as sent", "claim": { "claimId": "{{name}}", "payerId": "MEDICARE", "billingProviderNpi": "{{Provider}}", "lines": [
              { "lineId": "L1", "procedureCode": "{{beside}}", "serviceDate": "2026-07-20", "charge": "100.00", "units": 1 },
              { "lineId": "L2", "procedureCode": "{{code}}", "serviceDate": "2026-07-20", "charge": "90.00", "units": {{units}} } ] },
              "expect": {{expect}} }
            """);

    private static Edit Mue(string type, string code, Severity severity) =>
        new(type, severity, "L2", string.Empty, code, string.Empty, null, [], $"{code} units over its MUE.", "mue/2026-q3")
        {
            Action = RecommendedAction.AdjustUnits,
        };

    private static Edit AddOn(string code) =>
        new(EditTypes.AddOnWithoutPrimary, Severity.HardStop, "L2", string.Empty, code, string.Empty, null, [], $"{code} is an add-on with no primary.", "aoc/2026-q3")
        {
            Action = RecommendedAction.AddPrimary,
        };

    /// <summary>Records a two-line claim; line 2 carries <paramref name="units"/> and <paramref name="edits"/> beside what the engine finds.</summary>
    private async Task Send(string claimId, string code1, decimal charge1, string code2, decimal charge2, int units, params Edit[] edits)
    {
        var claim = new ClaimBuilder().For(claimId).On("2026-07-20").LineWith("L1", code1, charge1).LineWith("L2", code2, charge2).Build();
        claim = claim with { Lines = [claim.Lines[0], claim.Lines[1] with { Units = units }] };
        await _store.RecordWithEditsAsync(claim, edits);
    }

    private void Remit(string claimId, int augustDay, string code1, decimal charge1, RemittanceLine second)
    {
        RemittanceLine first = new("L1", code1, [], "", new DateOnly(2026, 7, 20), charge1, charge1, [], []);
        _remits.Add(new RemittanceClaim(claimId, "1", charge1 + second.Charge, charge1 + second.Paid, $"ICN-{claimId}", new DateOnly(2026, 8, augustDay), [], [first, second]));
    }

    private static RemittanceLine Paid(string code, decimal charge) =>
        new("L2", code, [], "", new DateOnly(2026, 7, 20), charge, charge, [], []);

    private static RemittanceLine Denied(string code, decimal charge, string group, string reason, params string[] remarks) =>
        new("L2", code, [], "", new DateOnly(2026, 7, 20), charge, 0m, [new RemittanceAdjustment(group, reason, charge, null)], [.. remarks]);
}

public sealed class UnitsAndAddOnFeedbackTestsOnSqlite() : UnitsAndAddOnFeedbackTests(StoreProvider.Sqlite);

public sealed class UnitsAndAddOnFeedbackTestsOnPostgres() : UnitsAndAddOnFeedbackTests(StoreProvider.Postgres);
