using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Records;
using Scrubber.Audit.Reports;
using Scrubber.Audit.Scrubs;
using Scrubber.Audit.Sessions;
using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Audit;

/// <summary>Records each scrub durably and which one was sent.</summary>
public interface IScrubRecorder
{
    Task RecordAsync(ScrubRecord record, CancellationToken cancellationToken = default);

    Task<string?> ConfirmSubmissionAsync(string scrubId, DateTimeOffset confirmedAt, CancellationToken cancellationToken = default);

    StoredScrub? ReadScrub(string scrubId);
}

/// <summary>Reads what was sent for a patient, for cross-claim edits.</summary>
public interface IHistoryReader
{
    /// <summary>The lines sent for the patient on the days of <paramref name="window"/>, not denied, except those of
    /// <paramref name="excludedClaims"/> (the claim scrubbed and the one it replaces).</summary>
    IReadOnlyList<PriorLine> History(string patientKey, IReadOnlyList<string> excludedClaims, HistoryWindow window);
}

/// <summary>Ingests 835 remittances and lists what in them matched nothing.</summary>
public interface IRemittanceStore
{
    Task<IngestResult> IngestRemittanceAsync(Remittance remittance, DateTimeOffset ingestedAt, int maxUnmatchedListed = int.MaxValue,
        CancellationToken cancellationToken = default);

    UnmatchedList? ListUnmatched(string sha256);
}

/// <summary>Records how denials were worked.</summary>
public interface IResolutionStore
{
    Task<string> UpdateResolutionAsync(Resolution resolution, DateTimeOffset recordedAt, CancellationToken cancellationToken = default);
}

/// <summary>Removes what is older than the operator keeps, leaving weekly aggregates of its denials.</summary>
public interface IRetention
{
    Task<Retention.PurgeResult> PurgeAsync(DateOnly before, IProgress<Retention.PurgeResult>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The feedback reports, their inputs and the store's counts. The reports are counted by the store (in SQL,
/// over one row of facts per remitted line), so their cost follows the days and rows they cover.</summary>
public interface IReportQueries
{
    /// <summary>The sent lines with an outcome in the filter's days, payer and provider (all families).</summary>
    IReadOnlyList<DeniedLine> SentLineOutcomes(ReportFilter filter);

    /// <summary>The denials the filter counts that a weekly row reports under <paramref name="column1"/> and
    /// <paramref name="deniedCode"/> (<see cref="DeniedLine.PairOrCode"/>), in claim order.</summary>
    IReadOnlyList<DeniedLine> DenialsUnder(ReportFilter filter, string column1, string deniedCode);

    /// <summary>The denials a purge kept as weekly aggregates, for the weeks overlapping the filter's days.</summary>
    IReadOnlyList<WeeklyAggregate> PurgedWeeks(ReportFilter filter);

    /// <summary>The live denials the filter counts, counted by what a weekly row is made of.</summary>
    IReadOnlyList<WeeklyAggregate> LiveWeeks(ReportFilter filter);

    /// <summary>Report 1 (<see cref="FeedbackReports.OverriddenThenDenied(IReadOnlyList{DeniedLine}, ReportFilter)"/>).</summary>
    IReadOnlyList<OverriddenThenDeniedRow> OverriddenThenDenied(ReportFilter filter);

    /// <summary>Report 2 (<see cref="FeedbackReports.Missed(IReadOnlyList{DeniedLine}, ReportFilter)"/>).</summary>
    IReadOnlyList<MissedRow> Missed(ReportFilter filter);

    /// <summary>Report 3 (<see cref="Reports.WeeklyDashboard"/>), live weeks and purged ones together.</summary>
    IReadOnlyList<WeeklyPairRow> WeeklyDashboard(ReportFilter filter, int repeatThreshold);

    /// <summary>Report 4 (<see cref="Reports.Kpis"/>).</summary>
    KpiReport Kpis(ReportFilter filter);

    /// <summary>Report 5 (<see cref="Reports.Patterns"/>).</summary>
    IReadOnlyList<PatternRow> Patterns(ReportFilter filter);

    StoreCounts Counts();
}

/// <summary>Dashboard sessions and the keys their cookies are sealed with, shared by every replica.</summary>
public interface ISessionStore
{
    Task OpenSessionAsync(DashboardSession session, CancellationToken cancellationToken = default);

    DashboardSession? FindSession(string sessionHash);

    Task<bool> RevokeSessionAsync(string sessionHash, DateTimeOffset at, string why, CancellationToken cancellationToken = default);

    Task<int> RevokeSessionsOfCallerAsync(string callerHash, DateTimeOffset at, string why, CancellationToken cancellationToken = default);

    IReadOnlyList<(string Name, string Xml)> DataProtectionKeys();

    Task StoreDataProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken = default);
}
