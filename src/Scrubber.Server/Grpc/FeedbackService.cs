using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Scrubber.Audit.Reports;
using Scrubber.Server.Audit;
using Scrubber.Server.Feedback;
using Proto = Scrubber.V1;

namespace Scrubber.Server.Grpc;

/// <summary>The Feedback gRPC service: the reports revenue-cycle leaders read, counted by the audit store.</summary>
internal sealed class FeedbackService(AuditStoreHost audit, IOptions<FeedbackOptions> options) : Proto.Feedback.FeedbackBase
{
    public override Task<Proto.OverriddenThenDeniedReport> OverriddenThenDenied(Proto.ReportRequest request, ServerCallContext context)
    {
        var report = new Proto.OverriddenThenDeniedReport();
        report.Rows.AddRange(audit.Store.OverriddenThenDenied(FilterOf(request)).Select(r => new Proto.OverriddenThenDeniedRow
        {
            Column1Code = r.Column1,
            Column2Code = r.Column2,
            PayerId = r.PayerId,
            ProviderNpi = r.Provider,
            ModifierUsed = r.ModifierUsed,
            IsoWeek = r.Week,
            Fate = r.Fate,
            Denied = r.Denied,
            DollarsDenied = FeedbackMapper.Dollars(r.DollarsDenied),
            PaidWithSameOverride = r.PaidWithSameOverride,
            SuccessRate = r.SuccessRate,
            Family = r.Family,
            GroupCode = r.Group,
        }));
        return Task.FromResult(report);
    }

    public override Task<Proto.MissedReport> Missed(Proto.ReportRequest request, ServerCallContext context)
    {
        var report = new Proto.MissedReport();
        report.Rows.AddRange(audit.Store.Missed(FilterOf(request)).Select(r =>
        {
            var row = new Proto.MissedRow
            {
                PayerId = r.PayerId,
                ProcedureCode = r.Code,
                Modifiers = r.Modifiers,
                ProviderNpi = r.Provider,
                IsoWeek = r.Week,
                Denied = r.Denied,
                DollarsDenied = FeedbackMapper.Dollars(r.DollarsDenied),
                Family = r.Family,
                GroupCode = r.Group,
            };
            row.ClaimLines.AddRange(r.Claims);
            return row;
        }));
        return Task.FromResult(report);
    }

    public override Task<Proto.WeeklyDashboardReport> WeeklyDashboard(Proto.ReportRequest request, ServerCallContext context)
    {
        var threshold = request.RepeatThreshold > 0 ? request.RepeatThreshold : options.Value.RepeatOffenderThreshold;
        var report = new Proto.WeeklyDashboardReport { RepeatThreshold = threshold };
        report.Rows.AddRange(audit.Store.WeeklyDashboard(FilterOf(request), threshold).Select(FeedbackMapper.ToProto));
        return Task.FromResult(report);
    }

    public override Task<Proto.KpiReport> Kpis(Proto.ReportRequest request, ServerCallContext context) =>
        Task.FromResult(FeedbackMapper.ToProto(audit.Store.Kpis(FilterOf(request))));

    public override Task<Proto.PatternReport> Patterns(Proto.ReportRequest request, ServerCallContext context)
    {
        var report = new Proto.PatternReport();
        report.Rows.AddRange(audit.Store.Patterns(FilterOf(request)).Select(FeedbackMapper.ToProto));
        return Task.FromResult(report);
    }

    public override Task<Proto.RuleProposalReport> ProposeRules(Proto.ProposeRulesRequest request, ServerCallContext context)
    {
        var minimum = request.MinimumSupport > 0 ? request.MinimumSupport : RuleProposals.DefaultMinimumSupport;
        var report = new Proto.RuleProposalReport();
        // A proposal weighs the denials in the filter against every line the payer was paid for, whenever.
        report.Proposals.AddRange(RuleProposals.Compute(audit.Store.SentLineOutcomes(ReportFilter.All), FilterOf(request.Filter ?? new Proto.ReportRequest()), minimum)
            .Select(FeedbackMapper.ToProto));
        return Task.FromResult(report);
    }

    /// <summary>The report filter of a request; bad dates, weeks or families are INVALID_ARGUMENT naming the field.</summary>
    internal static ReportFilter FilterOf(Proto.ReportRequest request)
    {
        var payer = request.PayerId.Length == 0 ? null : request.PayerId;
        var provider = request.ProviderNpi.Length == 0 ? null : request.ProviderNpi;
        IReadOnlySet<string>? families;
        try
        {
            families = ReportFilter.ParseFamilies(request.Families);
        }
        catch (FormatException ex)
        {
            throw RpcErrors.InvalidArgument("families", ex.Message);
        }

        if (request.IsoWeek.Length > 0)
        {
            try
            {
                return ReportFilter.ForWeek(request.IsoWeek, payer, provider, families);
            }
            catch (FormatException ex)
            {
                throw RpcErrors.InvalidArgument("iso_week", ex.Message);
            }
        }

        return new ReportFilter(Date(request.From, "from"), Date(request.To, "to"), payer, provider, families);
    }

    private static DateOnly? Date(string text, string field) =>
        text.Length == 0 ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw RpcErrors.InvalidArgument(field, $"'{text}' is not a YYYY-MM-DD date");
}
