using System.Globalization;
using Scrubber.Audit.Reports;
using Proto = Scrubber.V1;

namespace Scrubber.Server.Grpc;

/// <summary>Maps the weekly dashboard, KPI and pattern reports to their protobuf messages.</summary>
internal static class FeedbackMapper
{
    public static Proto.WeeklyPairRow ToProto(WeeklyPairRow row)
    {
        var proto = new Proto.WeeklyPairRow
        {
            IsoWeek = row.Week,
            Column1Code = row.Column1,
            Column2Code = row.Column2,
            Occurrences = row.Occurrences,
            ModifierIndicator = row.ModifierIndicator,
            PrimaryProviderNpi = row.PrimaryProvider,
            PrimaryProviderShare = row.PrimaryProviderShare,
            DollarsDenied = Dollars(row.DollarsDenied),
            RootCause = row.RootCause,
            RepeatOffender = row.RepeatOffender,
            Action = row.Action,
            DeniedCode = row.DeniedCode,
            Family = row.Family,
            GroupCode = row.Group,
            MaxUnits = row.MaxUnits,
        };
        proto.Payers.Add(row.Payers);
        proto.Resolutions.Add(row.Resolutions);
        proto.ContextCodes.AddRange(row.ContextCodes);
        return proto;
    }

    public static Proto.KpiReport ToProto(KpiReport report)
    {
        var proto = new Proto.KpiReport
        {
            AverageDaysToResolution = report.AverageDaysToResolution ?? 0,
            WrittenOffPreventable = Dollars(report.WrittenOffPreventable),
            WrittenOffContestable = Dollars(report.WrittenOffContestable),
        };
        proto.Months.AddRange(report.Months.Select(m => new Proto.MonthKpi
        {
            Month = m.Month,
            BundlingDollars = Dollars(m.BundlingDollars),
            Charges = Dollars(m.Charges),
            ShareOfCharges = m.ShareOfCharges,
            BundlingDenials = m.BundlingDenials,
            AllDenials = m.AllDenials,
            ShareOfDenials = m.ShareOfDenials,
        }));
        proto.TopPairs.AddRange(report.TopPairs.Select(p => new Proto.TopPair
        {
            Column1Code = p.Column1, Column2Code = p.Column2, PayerId = p.PayerId, Denied = p.Denied, DollarsDenied = Dollars(p.DollarsDenied), Family = p.Family,
            GroupCode = p.Group,
        }));
        proto.Overturns.AddRange(report.Overturns.Select(o => new Proto.OverturnRate
        {
            PayerId = o.PayerId, Scenario = o.Scenario, Contested = o.Contested, Recovered = o.Recovered, Rate = o.Rate,
        }));
        return proto;
    }

    public static Proto.PatternRow ToProto(PatternRow row) => new()
    {
        PayerId = row.PayerId,
        Column1Code = row.Column1,
        Column2Code = row.Column2,
        Pattern = row.Pattern,
        Paid = row.Paid,
        Denied = row.Denied,
        PaidWithModifier = row.PaidWithModifier,
        Family = row.Family,
        GroupCode = row.Group,
    };

    public static Proto.RuleProposal ToProto(RuleProposal proposal)
    {
        var proto = new Proto.RuleProposal
        {
            PayerId = proposal.PayerId,
            Column1Code = proposal.Column1,
            Column2Code = proposal.Column2,
            Modifiers = proposal.Modifiers,
            Kind = proposal.Kind,
            Support = proposal.Support,
            DollarsDenied = Dollars(proposal.DollarsDenied),
            RuleJson = proposal.RuleJson,
            WouldHaveFlagged = proposal.WouldHaveFlagged,
            WouldHaveFlaggedPaid = proposal.WouldHaveFlaggedPaid,
            UnitLimit = proposal.UnitLimit ?? 0,
        };
        proto.ClaimLines.AddRange(proposal.ClaimLines);
        proto.PrimaryCodes.AddRange(proposal.PrimaryCodes);
        return proto;
    }

    public static string Dollars(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
