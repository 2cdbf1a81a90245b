using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Reports;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>Denial families: the table from CARC (and the RARC where it decides), and reports filtered by family.</summary>
public abstract class DenialFamilyTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly StoreFixture _store = new(provider);
    private IngestResult? _ingest;

    /// <summary>One claim per denial kind, each sent and then denied on its line L2 on 2026-08-12.</summary>
    private static readonly (string ClaimId, string Group, string Reason, string[] Remarks)[] Denials =
    [
        ("F-97", "CO", "97", []),
        ("F-234", "CO", "234", []),
        ("F-151", "CO", "151", ["N362"]),
        ("F-119-N362", "CO", "119", ["N362"]),
        ("F-119", "CO", "119", []),
        ("F-B15", "CO", "B15", []),
        ("F-18", "OA", "18", []),
        ("F-4", "CO", "4", []),
        ("F-182", "CO", "182", []),
        ("F-16", "CO", "16", ["MA130"]),
    ];

    public async Task InitializeAsync()
    {
        var claims = new List<RemittanceClaim>();
        foreach (var (claimId, group, reason, remarks) in Denials)
        {
            await _store.RecordAsync(new ClaimBuilder().For(claimId).On("2026-07-20").LineWith("L1", "99213", 100m).LineWith("L2", "97110", 40m).Build());
            claims.Add(new RemittanceClaim(claimId, "1", 140m, 80m, $"ICN-{claimId}", new DateOnly(2026, 8, 12), [],
            [
                new RemittanceLine("L1", "99213", [], "", new DateOnly(2026, 7, 20), 100m, 80m, [new RemittanceAdjustment("CO", "45", 20m, null)], []),
                new RemittanceLine("L2", "97110", [], "", new DateOnly(2026, 7, 20), 40m, 0m, [new RemittanceAdjustment(group, reason, 40m, null)], [.. remarks]),
            ]));
        }

        _ingest = await _store.Store.IngestRemittanceAsync(new Remittance("families", "families.835", [.. claims]), StoreFixture.T0);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableTheory]
    [InlineData("97", "", "bundling")]
    [InlineData("236", "", "bundling")]
    [InlineData("234", "", "bundling")]
    [InlineData("151", "", "units")]
    [InlineData("151", "N362", "units")]
    [InlineData("119", "N362", "units")]
    [InlineData("119", "", null)]
    [InlineData("119", "M80", null)]
    [InlineData("B15", "", "add_on")]
    [InlineData("18", "", "duplicate")]
    [InlineData("4", "", "modifier")]
    [InlineData("182", "", "modifier")]
    [InlineData("45", "", null)]
    [InlineData("16", "MA130", null)]
    public void Of_ReasonAndRemark_IsItsFamily(string reason, string remark, string? family) =>
        Assert.Equal(family, DenialFamilies.Of(reason, remark.Length == 0 ? [] : [remark]));

    [SkippableFact]
    public void OfLine_SeveralFamilies_CountsUnderTheFirstWithItsGroup() =>
        Assert.Equal((DenialFamilies.Bundling, "OA"), DenialFamilies.OfLine([("CO", "18"), ("OA", "97"), ("CO", "45")], [], paidNothing: true));

    [SkippableFact]
    public void OfLine_UnpaidWithNoNcciReason_IsOtherButAPaidLineIsNotDenied()
    {
        Assert.Equal((DenialFamilies.Other, "CO"), DenialFamilies.OfLine([("CO", "16")], [], paidNothing: true));
        Assert.Null(DenialFamilies.OfLine([("CO", "45")], [], paidNothing: false));
    }

    [SkippableFact]
    public void OfLine_UnpaidWithPatientResponsibilityAlone_IsNotADenial() =>
        Assert.Null(DenialFamilies.OfLine([("PR", "1"), ("PR", "2")], [], paidNothing: true));

    [SkippableFact]
    public void Ingest_CountsEachDeniedLineUnderItsFamily_AndDeniedLinesLeaveOtherOut()
    {
        Assert.Equal(new Dictionary<string, int>
        {
            ["add_on"] = 1, ["bundling"] = 2, ["duplicate"] = 1, ["modifier"] = 2, ["other"] = 2, ["units"] = 2,
        }, _ingest!.DenialsByFamily);
        Assert.Equal(8, _ingest.DeniedLines);
    }

    [SkippableFact]
    public void Missed_ByDefault_CoversEveryFamilyButOther_WithItsGroup()
    {
        var rows = FeedbackReports.Missed(_store.Store.SentLineOutcomes(ReportFilter.All), ReportFilter.All);

        Assert.Equal(
        [
            (DenialFamilies.AddOn, "CO", 1),
            (DenialFamilies.Bundling, "CO", 2),
            (DenialFamilies.Duplicate, "OA", 1),
            (DenialFamilies.Modifier, "CO", 2),
            (DenialFamilies.Units, "CO", 2),
        ], rows.Select(r => (r.Family, r.Group, r.Denied)).Order());
    }

    [SkippableFact]
    public void Reports_FilteredByFamily_KeepThoseFamiliesOnly()
    {
        var lines = _store.Store.SentLineOutcomes(ReportFilter.All);
        var unitsAndOther = new ReportFilter(Families: ReportFilter.ParseFamilies(["units", "other"]));

        var weekly = WeeklyDashboard.Compute(lines, unitsAndOther);

        Assert.Equal([(DenialFamilies.Other, 2, 80m), (DenialFamilies.Units, 2, 80m)], weekly.Select(r => (r.Family, r.Occurrences, r.DollarsDenied)).Order());
        Assert.All(weekly, r => Assert.Equal(("", "97110"), (r.Column1, r.DeniedCode)));
        Assert.Equal(4, Kpis.Compute(lines, unitsAndOther).Months.Single().BundlingDenials);
        Assert.Equal(8, Kpis.Compute(lines, ReportFilter.All).Months.Single().BundlingDenials);
        Assert.Equal(10, Kpis.Compute(lines, ReportFilter.All).Months.Single().AllDenials);
    }

    [SkippableFact]
    public void ParseFamilies_UnknownName_SaysWhichAreKnown()
    {
        var ex = Assert.Throws<FormatException>(() => ReportFilter.ParseFamilies(["bundling", "mue"]));

        Assert.Equal("'mue' is not a denial family; use bundling, units, add_on, duplicate, modifier, other.", ex.Message);
    }
}

public sealed class DenialFamilyTestsOnSqlite() : DenialFamilyTests(StoreProvider.Sqlite);

public sealed class DenialFamilyTestsOnPostgres() : DenialFamilyTests(StoreProvider.Postgres);
