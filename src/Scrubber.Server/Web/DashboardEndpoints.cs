using System.Globalization;
using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Reports;
using Scrubber.Server.Audit;
using Scrubber.Server.Feedback;
using Scrubber.Server.Security;
using Microsoft.Extensions.Options;

namespace Scrubber.Server.Web;

/// <summary>The denial dashboard: one page (its script and styles inline, nothing from a CDN) and the JSON it reads.</summary>
internal static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var web = app.MapGroup(string.Empty).WithMetadata(WebEndpoint.DashboardRoute.Instance);
        web.MapSignIn();

        // Static, and the same for everyone: the sign-in page needs its styles before anyone has signed in.
        web.MapGet("/signin.css", () => Results.Text(SignInPage.Styles, "text/css; charset=utf-8")).AllowAnonymous();
        web.MapGet("/dashboard.css", () => Results.Text(DashboardPage.Styles, "text/css; charset=utf-8")).AllowAnonymous();
        web.MapGet("/dashboard.js", () => Results.Text(DashboardScript.Source, "text/javascript; charset=utf-8")).AllowAnonymous();

        var dashboard = web.MapGroup(string.Empty).RequireAuthorization(SecurityServiceCollectionExtensions.DashboardPolicy);
        dashboard.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        dashboard.MapGet("/api/weekly", (string? payer, string? provider, string? week, string? families, AuditStoreHost audit, IOptions<FeedbackOptions> options) =>
        {
            if (!TryFilter(null, payer, provider, families, out var filter, out var invalid))
            {
                return invalid;
            }

            var live = audit.Store.LiveWeeks(filter);
            var all = WeeklyDashboard.Compute(live, filter, options.Value.RepeatOffenderThreshold, audit.Store.PurgedWeeks(filter));
            var rows = Blank(week) is { } w ? all.Where(r => r.Week == w).ToList() : [.. all];
            return Results.Json(new
            {
                threshold = options.Value.RepeatOffenderThreshold,
                families = DenialFamilies.All,
                payers = live.Select(a => a.PayerId).Distinct().Order(StringComparer.Ordinal),
                providers = live.Select(a => a.Provider).Distinct().Order(StringComparer.Ordinal),
                weeks = all.Select(r => r.Week).Distinct().Order(StringComparer.Ordinal),
                trend = all.GroupBy(r => r.Week).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new { week = g.Key, denials = g.Sum(r => r.Occurrences), dollars = g.Sum(r => r.DollarsDenied) }),
                topPairs = rows.GroupBy(Label).Select(g => new { pair = g.Key, dollars = g.Sum(r => r.DollarsDenied) })
                    .OrderByDescending(p => p.dollars).Take(10),
                rows = rows.Select(r => new
                {
                    week = r.Week, column1 = r.Column1, column2 = r.Column2, deniedCode = r.DeniedCode, contextCodes = r.ContextCodes, family = r.Family,
                    group = r.Group, occurrences = r.Occurrences, indicator = r.ModifierIndicator, provider = r.PrimaryProvider,
                    providerShare = r.PrimaryProviderShare, payers = r.Payers, dollars = r.DollarsDenied, rootCause = r.RootCause,
                    resolutions = r.Resolutions, repeat = r.RepeatOffender, action = r.Action, maxUnits = r.MaxUnits,
                }),
            });
        });
        dashboard.MapGet("/api/reports", (string? payer, string? provider, string? week, string? families, AuditStoreHost audit) =>
        {
            if (!TryFilter(week, payer, provider, families, out var filter, out var invalid))
            {
                return invalid;
            }

            return Results.Json(new
            {
                overriddenThenDenied = audit.Store.OverriddenThenDenied(filter),
                missed = audit.Store.Missed(filter),
                kpis = audit.Store.Kpis(filter),
                patterns = audit.Store.Patterns(filter),
            });
        });
        dashboard.MapGet("/api/claims", (string week, string? column1, string code, string family, string? payer, string? provider, AuditStoreHost audit) =>
        {
            if (!TryFilter(week, payer, provider, family, out var filter, out var invalid))
            {
                return invalid;
            }

            // A row is a pair an edit named (column 1 and the denied code) or, with no column 1, the denied code alone
            // (always so for units and add-on denials).
            return Results.Json(audit.Store.DenialsUnder(filter, Blank(column1) ?? string.Empty, code)
                .Select(l => new
                {
                    claim = l.ClaimId, line = l.LineId, payer = l.PayerId, provider = l.Provider, code = l.Code, modifiers = l.Modifiers,
                    day = l.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dollars = l.DeniedCents / 100m, family = l.Family, group = l.Group,
                    fate = l.Edit?.Fate ?? "no edit", resolution = l.Resolution ?? "unworked",
                }));
        });
        return app;
    }

    /// <summary>How the charts name a row: its pair, or its denied code alone.</summary>
    private static string Label(WeeklyPairRow row) => row.Column1.Length > 0 ? $"{row.Column1}/{row.Column2}" : row.DeniedCode;

    /// <summary>The filter of a query string (families comma-separated); a bad week or family is a 400 naming the field.</summary>
    private static bool TryFilter(string? week, string? payer, string? provider, string? families, out ReportFilter filter, out IResult invalid)
    {
        invalid = Results.Empty;
        filter = ReportFilter.All;
        IReadOnlySet<string>? covered;
        try
        {
            covered = ReportFilter.ParseFamilies(Blank(families)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
        }
        catch (FormatException ex)
        {
            invalid = Results.BadRequest(new { field = "families", error = ex.Message });
            return false;
        }

        try
        {
            filter = Blank(week) is { } w
                ? ReportFilter.ForWeek(w, Blank(payer), Blank(provider), covered)
                : new ReportFilter(PayerId: Blank(payer), Provider: Blank(provider), Families: covered);
            return true;
        }
        catch (FormatException ex)
        {
            invalid = Results.BadRequest(new { field = "week", error = ex.Message });
            return false;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
