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
/// </remarks>
public sealed class FeedbackReportTests : IAsyncLifetime
{
    private const string Provider = ClaimBuilder.BillingNpi;
    private readonly StoreFixture _store = new();
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
        _lines = _store.Store.SentLineOutcomes();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public void OverriddenThenDenied_GroupsByPairPayerProviderModifierWeekAndFate()
    {
        var rows = FeedbackReports.OverriddenThenDenied(_lines, ReportFilter.All);

        Assert.Equal(
        [
            new OverriddenThenDeniedRow("0001U", "0030U", "MEDICARE", Provider, "XE", "2026-W33", "overridden_by_modifier", 2, 300m, 1, 1 / 3.0),
            new OverriddenThenDeniedRow("0001U", "0030U", "MEDICARE", Provider, "", "2026-W34", "overridden_by_acceptance", 1, 120m, 0, 0),
            new OverriddenThenDeniedRow("0001A", "36591", "MEDICARE", Provider, "", "2026-W33", "forced", 1, 25m, 0, 0),
        ], rows);
    }

    [Fact]
    public void OverriddenThenDenied_ForOneWeek_KeepsThatWeekOnly()
    {
        var row = Assert.Single(FeedbackReports.OverriddenThenDenied(_lines, ReportFilter.ForWeek("2026-W34")));

        Assert.Equal(("overridden_by_acceptance", 120m), (row.Fate, row.DollarsDenied));
    }

    [Fact]
    public void Missed_ListsBundlingDenialsNoEditCaught()
    {
        var row = Assert.Single(FeedbackReports.Missed(_lines, ReportFilter.All));

        Assert.Equal(("MEDICARE", "93000", "", Provider, "2026-W33", 2, 85m), (row.PayerId, row.Code, row.Modifiers, row.Provider, row.Week, row.Denied, row.DollarsDenied));
        Assert.Equal(["M1/L2", "M2/L2"], row.Claims);
    }

    [Fact]
    public void Reports_ForAnotherPayerOrProvider_AreEmpty()
    {
        Assert.Empty(FeedbackReports.OverriddenThenDenied(_lines, new ReportFilter(PayerId: "ACME01")));
        Assert.Empty(FeedbackReports.Missed(_lines, new ReportFilter(Provider: "1245319599")));
    }

    [Theory]
    [InlineData("2026-W3")]
    [InlineData("2026-W54")]
    [InlineData("26-W33")]
    public void ForWeek_NotAnIsoWeek_SaysWhatIsExpected(string week) =>
        Assert.Contains("is not an ISO week such as 2026-W33", Assert.Throws<FormatException>(() => ReportFilter.ForWeek(week)).Message, StringComparison.Ordinal);

    private async Task Send(ClaimBuilder claim) => await _store.RecordAsync(claim.Build());

    private static RemittanceClaim Remit(string claimId, int augustDay, params RemittanceLine[] lines) =>
        new(claimId, "1", lines.Sum(l => l.Charge), lines.Sum(l => l.Paid), $"ICN-{claimId}", new DateOnly(2026, 8, augustDay), [], [.. lines]);

    private static RemittanceLine Paid(string lineId, string code, decimal charge, string modifier = "", DateOnly? date = null) =>
        new(lineId, code, modifier.Length == 0 ? [] : [modifier], "", date ?? new DateOnly(2026, 7, 20), charge, charge, [], ImmutableArray<string>.Empty);

    private static RemittanceLine Denied(string lineId, string code, decimal charge, string reason, DateOnly? date = null) =>
        new(lineId, code, [], "", date ?? new DateOnly(2026, 7, 20), charge, 0m, [new RemittanceAdjustment("CO", reason, charge, null)], ImmutableArray<string>.Empty);
}
