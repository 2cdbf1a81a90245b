using System.Globalization;
using Google.Protobuf;
using Scrubber.V1;

namespace Scrubber.Cli;

/// <summary>The feedback reports as tables or CSV (one column list per report), or as the answer's protobuf JSON.</summary>
internal static class ReportTables
{
    public static string OverriddenThenDenied(OverriddenThenDeniedReport report, string format) => Render(report, report.Rows, format,
    [
        ("Column 1", r => r.Column1Code), ("Column 2", r => r.Column2Code), ("Payer", r => r.PayerId), ("Provider", r => r.ProviderNpi),
        ("Modifier", r => r.ModifierUsed), ("Week", r => r.IsoWeek), ("Fate", r => r.Fate), ("Denied", r => Number(r.Denied)),
        ("Dollars", r => TableCell.Number(r.DollarsDenied)), ("Paid same override", r => Number(r.PaidWithSameOverride)),
        ("Success rate", r => Percent(r.SuccessRate, "P0")), ("Family", r => r.Family), ("Group", r => r.GroupCode),
    ]);

    public static string Missed(MissedReport report, string format) => Render(report, report.Rows, format,
    [
        ("Payer", r => r.PayerId), ("Code", r => r.ProcedureCode), ("Modifiers", r => r.Modifiers), ("Provider", r => r.ProviderNpi),
        ("Week", r => r.IsoWeek), ("Denied", r => Number(r.Denied)), ("Dollars", r => TableCell.Number(r.DollarsDenied)),
        ("Claim/line", r => string.Join(' ', r.ClaimLines)), ("Family", r => r.Family), ("Group", r => r.GroupCode),
    ]);

    public static string Weekly(WeeklyDashboardReport report, string format) => Render(report, report.Rows, format,
    [
        ("Week", r => r.IsoWeek), ("Column 1", r => HasPair(r) ? r.Column1Code : ByCode(r) ? "(by code)" : "(no pair)"), ("Column 2", r => HasPair(r) ? r.Column2Code : r.DeniedCode),
        ("Count", r => Number(r.Occurrences)), ("Indicator", r => r.ModifierIndicator), ("Primary provider", r => $"{r.PrimaryProviderNpi} ({r.PrimaryProviderShare.ToString("P0", CultureInfo.InvariantCulture)})"),
        ("Payers", r => Tally(r.Payers)), ("Dollars", r => TableCell.Number(r.DollarsDenied)), ("Root cause", r => r.RootCause),
        ("Resolution", r => Tally(r.Resolutions)), ("Repeat", r => r.RepeatOffender ? "REPEAT" : string.Empty), ("Action", r => r.Action),
        ("Family", r => r.Family), ("Group", r => r.GroupCode),
        ("Max units", r => r.MaxUnits > 0 ? TableCell.Number(r.MaxUnits.ToString("0.###", CultureInfo.InvariantCulture)) : string.Empty),
        ("Same-day codes", r => string.Join(' ', r.ContextCodes)),
    ]);

    public static string Patterns(PatternReport report, string format) => Render(report, report.Rows, format,
    [
        ("Payer", r => r.PayerId), ("Column 1", r => r.Column1Code), ("Column 2", r => r.Column2Code), ("Pattern", r => r.Pattern),
        ("Paid", r => Number(r.Paid)), ("Denied", r => Number(r.Denied)), ("Paid with modifier", r => Number(r.PaidWithModifier)), ("Family", r => r.Family),
        ("Group", r => r.GroupCode),
    ]);

    /// <summary>The KPI report holds several tables; table and CSV print them one after another with a title each.</summary>
    public static string Kpis(KpiReport report, string format)
    {
        if (format == OutputFormat.Json)
        {
            return JsonFormatter.Default.Format(report);
        }

        var percent = (double d) => Percent(d, "P1");
        return string.Join("\n\n",
            "Denials by month\n" + TableWriter.Write(report.Months, [("Month", m => m.Month), ("Denied $", m => TableCell.Number(m.BundlingDollars)), ("Charges $", m => TableCell.Number(m.Charges)),
                ("Share of charges", m => percent(m.ShareOfCharges)), ("Denials", m => Number(m.BundlingDenials)), ("All denials", m => Number(m.AllDenials)),
                ("Share of denials", m => percent(m.ShareOfDenials))], format),
            "Top pairs by dollars\n" + TableWriter.Write(report.TopPairs, [("Column 1", p => p.Column1Code.Length > 0 ? p.Column1Code : "(no pair)"),
                ("Column 2", p => p.Column2Code), ("Payer", p => p.PayerId), ("Denied", p => Number(p.Denied)), ("Dollars", p => TableCell.Number(p.DollarsDenied)), ("Family", p => p.Family),
                ("Group", p => p.GroupCode)], format),
            "Overturn rate\n" + TableWriter.Write(report.Overturns, [("Payer", o => o.PayerId), ("Scenario", o => o.Scenario), ("Contested", o => Number(o.Contested)),
                ("Recovered", o => Number(o.Recovered)), ("Rate", o => percent(o.Rate))], format),
            $"Average days from denial to resolution: {report.AverageDaysToResolution.ToString("F1", CultureInfo.InvariantCulture)}\n" +
            $"Written off: preventable {report.WrittenOffPreventable}, contestable {report.WrittenOffContestable}");
    }

    /// <summary>Whether an NCCI or pack row named the row's pair. A row without one shows its denied code in column 2,
    /// "(no pair)" in column 1 and the claims' other same-day codes, so a reader never takes a guess for a pair.</summary>
    private static bool HasPair(WeeklyPairRow row) => row.Column1Code.Length > 0 || row.Column2Code.Length > 0 || row.DeniedCode.Length == 0;

    /// <summary>Units (MUE) and add-on rows are one code by design, not a pair nobody named: "(by code)".</summary>
    private static bool ByCode(WeeklyPairRow row) => row.Family is "units" or "add_on";

    private static string Render<TReport, TRow>(TReport report, IReadOnlyList<TRow> rows, string format, (string, Func<TRow, TableCell>)[] columns)
        where TReport : IMessage =>
        format == OutputFormat.Json ? JsonFormatter.Default.Format(report) : TableWriter.Write(rows, columns, format);

    private static TableCell Number(int value) => TableCell.Number(value.ToString(CultureInfo.InvariantCulture));

    private static TableCell Percent(double value, string format) => TableCell.Number(value.ToString(format, CultureInfo.InvariantCulture));

    private static string Tally(IDictionary<string, int> counts) => string.Join(' ', counts.Select(kv => $"{kv.Key}:{kv.Value}"));
}
