using System.CommandLine;
using Scrubber.V1;

namespace Scrubber.Cli;

/// <summary>The filters <c>report</c> and <c>rules propose</c> share: dates, week and payer.</summary>
internal sealed class ReportFilter
{
    public Option<string?> From { get; } = new("--from") { Description = "first remittance payment date, inclusive", HelpName = "YYYY-MM-DD" };

    public Option<string?> To { get; } = new("--to") { Description = "last remittance payment date, inclusive", HelpName = "YYYY-MM-DD" };

    public Option<string?> Week { get; } = new("--week") { Description = "an ISO week, e.g. 2026-W33; replaces --from/--to", HelpName = "W" };

    public Option<string?> Payer { get; } = new("--payer") { Description = "one payer", HelpName = "ID" };

    public void AddTo(Command command)
    {
        command.Options.Add(From);
        command.Options.Add(To);
        command.Options.Add(Week);
        command.Options.Add(Payer);
    }

    /// <summary>The request these filters ask for; the service checks dates and weeks and names a bad one.</summary>
    public ReportRequest Request(ParseResult parse) => new()
    {
        From = parse.GetValue(From) ?? string.Empty,
        To = parse.GetValue(To) ?? string.Empty,
        IsoWeek = parse.GetValue(Week) ?? string.Empty,
        PayerId = parse.GetValue(Payer) ?? string.Empty,
    };
}
