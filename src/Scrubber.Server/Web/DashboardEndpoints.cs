using System.Globalization;
using Scrubber.Audit.Reports;
using Scrubber.Server.Audit;
using Scrubber.Server.Feedback;
using Scrubber.Server.Security;
using Microsoft.Extensions.Options;

namespace Scrubber.Server.Web;

/// <summary>The CO-97 dashboard: one page (its script and styles inline, nothing from a CDN) and the JSON it reads.</summary>
internal static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapSignIn();
        var dashboard = app.MapGroup(string.Empty).RequireAuthorization(SecurityServiceCollectionExtensions.DashboardPolicy);
        dashboard.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        dashboard.MapGet("/api/weekly", (string? payer, string? provider, string? week, AuditStoreHost audit, IOptions<FeedbackOptions> options) =>
        {
            var lines = audit.Store.SentLineOutcomes();
            var filter = new ReportFilter(PayerId: Blank(payer), Provider: Blank(provider));
            var all = WeeklyDashboard.Compute(lines, filter, options.Value.RepeatOffenderThreshold);
            var rows = Blank(week) is { } w ? all.Where(r => r.Week == w).ToList() : [.. all];
            var denials = lines.Where(l => l.BundlingDenied).ToList();
            return Results.Json(new
            {
                threshold = options.Value.RepeatOffenderThreshold,
                payers = denials.Select(l => l.PayerId).Distinct().Order(StringComparer.Ordinal),
                providers = denials.Select(l => l.Provider).Distinct().Order(StringComparer.Ordinal),
                weeks = all.Select(r => r.Week).Distinct().Order(StringComparer.Ordinal),
                trend = all.GroupBy(r => r.Week).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new { week = g.Key, denials = g.Sum(r => r.Occurrences), dollars = g.Sum(r => r.DollarsDenied) }),
                topPairs = rows.GroupBy(r => (r.Column1, r.Column2)).Select(g => new { pair = $"{g.Key.Column1}/{g.Key.Column2}", dollars = g.Sum(r => r.DollarsDenied) })
                    .OrderByDescending(p => p.dollars).Take(10),
                rows = rows.Select(r => new
                {
                    week = r.Week, column1 = r.Column1, column2 = r.Column2, occurrences = r.Occurrences, indicator = r.ModifierIndicator,
                    provider = r.PrimaryProvider, providerShare = r.PrimaryProviderShare, payers = r.Payers, dollars = r.DollarsDenied,
                    rootCause = r.RootCause, resolutions = r.Resolutions, repeat = r.RepeatOffender, action = r.Action,
                }),
            });
        });
        dashboard.MapGet("/api/reports", (string? payer, string? provider, string? week, AuditStoreHost audit) =>
        {
            if (!TryFilter(week, payer, provider, out var filter, out var invalid))
            {
                return invalid;
            }

            var lines = audit.Store.SentLineOutcomes();
            return Results.Json(new
            {
                overriddenThenDenied = FeedbackReports.OverriddenThenDenied(lines, filter),
                missed = FeedbackReports.Missed(lines, filter),
                kpis = Kpis.Compute(lines, filter),
                patterns = Patterns.Compute(lines, filter),
            });
        });
        dashboard.MapGet("/api/claims", (string week, string column1, string column2, string? payer, string? provider, AuditStoreHost audit) =>
        {
            if (!TryFilter(week, payer, provider, out var filter, out var invalid))
            {
                return invalid;
            }

            return Results.Json(audit.Store.SentLineOutcomes()
                .Where(l => l.BundlingDenied && filter.Covers(l.Day, l.PayerId, l.Provider) && l.Pair == (column1, column2))
                .OrderBy(l => l.ClaimId, StringComparer.Ordinal)
                .Select(l => new
                {
                    claim = l.ClaimId, line = l.LineId, payer = l.PayerId, provider = l.Provider, code = l.Code, modifiers = l.Modifiers,
                    day = l.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dollars = l.DeniedCents / 100m, fate = l.Edit?.Fate ?? "no edit",
                    resolution = l.Resolution ?? "unworked",
                }));
        });
        return app;
    }

    /// <summary>The filter of a query string; a week that is not an ISO week is a 400 naming the field.</summary>
    private static bool TryFilter(string? week, string? payer, string? provider, out ReportFilter filter, out IResult invalid)
    {
        invalid = Results.Empty;
        try
        {
            filter = Blank(week) is { } w ? ReportFilter.ForWeek(w, Blank(payer), Blank(provider)) : new ReportFilter(PayerId: Blank(payer), Provider: Blank(provider));
            return true;
        }
        catch (FormatException ex)
        {
            filter = ReportFilter.All;
            invalid = Results.BadRequest(new { field = "week", error = ex.Message });
            return false;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
