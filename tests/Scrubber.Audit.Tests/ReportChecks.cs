using System.Text.Json;
using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Reports;

namespace Scrubber.Audit.Tests;

/// <summary>Checks that the report facts hold exactly what they are derived from, and that every report the store
/// counts in SQL is the report computed from the lines themselves (the specification the report tests pin down).</summary>
internal static class ReportChecks
{
    /// <summary>Filters of every shape: whole store, weeks, days, payer, provider, and families.</summary>
    public static IReadOnlyList<ReportFilter> Filters(string week, string payer, string provider) =>
    [
        ReportFilter.All,
        ReportFilter.ForWeek(week),
        ReportFilter.ForWeek(week, payer),
        ReportFilter.ForWeek(week, payer, provider),
        new(PayerId: payer),
        new(Provider: provider),
        new(PayerId: "NO-SUCH-PAYER"),
        new(From: ReportFilter.ForWeek(week).From),
        new(To: ReportFilter.ForWeek(week).To),
        new(Families: new HashSet<string>(DenialFamilies.All)),
        new(Families: new HashSet<string> { DenialFamilies.Bundling }),
        new(Families: new HashSet<string> { DenialFamilies.Units, DenialFamilies.AddOn }),
        new(Families: new HashSet<string> { DenialFamilies.Other }),
        ReportFilter.ForWeek(week, families: new HashSet<string> { DenialFamilies.Duplicate, DenialFamilies.Modifier }),
    ];

    /// <summary>The facts read as the lines they were derived from, value by value and in the same order.</summary>
    public static void FactsMatchTheirSource(AuditStore store)
    {
        var source = store.Read(connection => SentLineOutcomes.Read(connection, ReportFilter.All));
        Assert.Equal(source.Select(Json), store.SentLineOutcomes(ReportFilter.All).Select(Json));
    }

    /// <summary>Each report as the store counts it equals the report computed from the lines of the same filter.</summary>
    public static void StoreReportsMatchTheLines(AuditStore store, IEnumerable<ReportFilter> filters)
    {
        foreach (var filter in filters)
        {
            var lines = store.SentLineOutcomes(filter);
            Assert.Equal(Json(FeedbackReports.OverriddenThenDenied(lines, filter)), Json(store.OverriddenThenDenied(filter)));
            Assert.Equal(Json(FeedbackReports.Missed(lines, filter)), Json(store.Missed(filter)));
            Assert.Equal(Json(Kpis.Compute(lines, filter)), Json(store.Kpis(filter)));
            Assert.Equal(Json(Patterns.Compute(lines, filter)), Json(store.Patterns(filter)));
            foreach (var threshold in (int[])[1, WeeklyDashboard.DefaultRepeatThreshold])
            {
                Assert.Equal(Json(WeeklyDashboard.Compute(lines, filter, threshold, store.PurgedWeeks(filter))), Json(store.WeeklyDashboard(filter, threshold)));
            }

            foreach (var row in WeeklyDashboard.Compute(lines, filter))
            {
                var under = lines.Where(l => filter.CountsDenial(l) && l.PairOrCode == (row.Column1, row.DeniedCode));
                Assert.Equal(under.Select(Json), store.DenialsUnder(filter, row.Column1, row.DeniedCode).Select(Json));
            }
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
