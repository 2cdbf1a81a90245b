using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Schema;
using Scrubber.Audit.Scrubs;
using Scrubber.Audit.Sessions;
using Scrubber.Core.Claims;

namespace Scrubber.Audit;

/// <summary>The audit store: records scrubs durably (group commit), confirms what was sent, and reads history.</summary>
public sealed class AuditStore : IAsyncDisposable
{
    private readonly AuditDatabase _database;
    private readonly GroupCommitWriter _writer;
    private readonly HistoryReader _history;
    private readonly bool _countUnconfirmedScrubs;

    private AuditStore(AuditDatabase database, int maxBatch, bool countUnconfirmedScrubs)
    {
        _database = database;
        _writer = new GroupCommitWriter(database, maxBatch);
        _history = new HistoryReader(database);
        _countUnconfirmedScrubs = countUnconfirmedScrubs;
    }

    /// <summary>The database file.</summary>
    public string Path => _database.Path;

    /// <summary>Opens (creating and migrating as needed) the store at <paramref name="path"/>.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="maxBatch">The most writes one group commit holds.</param>
    /// <param name="countUnconfirmedScrubs">Whether the latest scrub of a claim counts as sent without a confirmation or
    /// an 835 (Audit:CountUnconfirmedScrubs), for integrations that cannot confirm.</param>
    /// <exception cref="AuditStoreException">The file cannot be opened or its schema is newer than this build.</exception>
    public static AuditStore Open(string path, int maxBatch = 512, bool countUnconfirmedScrubs = false) =>
        new(AuditDatabase.Open(path), maxBatch, countUnconfirmedScrubs);

    /// <summary>Records a scrub; completes once it is committed to disk.</summary>
    public Task RecordAsync(ScrubRecord record, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new RecordScrubWrite(record, _countUnconfirmedScrubs), cancellationToken);

    /// <summary>Marks <paramref name="scrubId"/> as the scrub that was sent for its claim; returns its claim id, or
    /// null when no scrub has that id.</summary>
    public Task<string?> ConfirmSubmissionAsync(string scrubId, DateTimeOffset confirmedAt, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new ConfirmSubmissionWrite(scrubId, confirmedAt), cancellationToken);

    /// <summary>Ingests a parsed 835 in one transaction; the same file (by content hash) twice counts once. The result
    /// lists at most <paramref name="maxUnmatchedListed"/> unmatched claims, and lines; <see cref="ListUnmatched"/> lists all.</summary>
    /// <exception cref="InvalidRecordException">A value cannot be stored; nothing of the file was.</exception>
    /// <exception cref="OperationCanceledException">The call's deadline passed or it was cancelled; nothing was stored.</exception>
    /// <remarks>Staged in chunks that scrub commits interleave with, then published in one short transaction.</remarks>
    public Task<IngestResult> IngestRemittanceAsync(Remittance remittance, DateTimeOffset ingestedAt, int maxUnmatchedListed = int.MaxValue,
        CancellationToken cancellationToken = default) =>
        RemittanceIngestion.RunAsync(_writer, remittance, ingestedAt, maxUnmatchedListed, cancellationToken);

    /// <summary>Records a resolution step on a line of a claim's sent scrub; returns the scrub id.</summary>
    /// <exception cref="RecordNotFoundException">No sent claim has that id, or it has no such line.</exception>
    public Task<string> UpdateResolutionAsync(Resolution resolution, DateTimeOffset recordedAt, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new UpdateResolutionWrite(resolution, recordedAt), cancellationToken);

    /// <summary>Lines sent for the patient on the given dates of service, on claims other than <paramref name="excludedClaims"/>
    /// (the claim being scrubbed and the claim it replaces or voids). Lines the payer denied in full are not there.</summary>
    public IReadOnlyList<PriorLine> History(string patientKey, IReadOnlyList<string> excludedClaims, IReadOnlyCollection<DateOnly> dates) =>
        _history.Read(patientKey, excludedClaims, dates);

    /// <summary>Every sent line with a remittance outcome and the edit left on it: the input of the feedback reports.</summary>
    public IReadOnlyList<Reports.DeniedLine> SentLineOutcomes()
    {
        using var connection = _database.ConnectForRead();
        return Reports.SentLineOutcomes.Read(connection);
    }

    /// <summary>Every unmatched claim and line of the 835 whose content hash is <paramref name="sha256"/>; null when no
    /// such file was ingested.</summary>
    public UnmatchedList? ListUnmatched(string sha256)
    {
        using var connection = _database.ConnectForRead();
        return UnmatchedQuery.Run(connection, sha256);
    }

    /// <summary>How many scrubs, claims, remittances and resolutions the store holds.</summary>
    public StoreCounts Counts()
    {
        using var connection = _database.ConnectForRead();
        return StoreCounts.Read(connection);
    }

    /// <summary>Records a new dashboard session; completes once it is committed.</summary>
    public Task OpenSessionAsync(DashboardSession session, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new OpenSessionWrite(session), cancellationToken);

    /// <summary>The session whose id hashes to <paramref name="sessionHash"/>, in force or not; null when there is none.</summary>
    public DashboardSession? FindSession(string sessionHash)
    {
        using var connection = _database.ConnectForRead();
        return SessionQuery.Find(connection, sessionHash);
    }

    /// <summary>Revokes one session; returns whether it was in force.</summary>
    public async Task<bool> RevokeSessionAsync(string sessionHash, DateTimeOffset at, string why, CancellationToken cancellationToken = default) =>
        await _writer.WriteAsync(new RevokeSessionsWrite(sessionHash, null, at, why), cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>Revokes every session in force of the caller whose key hashes to <paramref name="callerHash"/>; returns how many.</summary>
    public Task<int> RevokeSessionsOfCallerAsync(string callerHash, DateTimeOffset at, string why, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new RevokeSessionsWrite(null, callerHash, at, why), cancellationToken);

    /// <summary>Runs a read-only query on a pooled connection; for reports and tests.</summary>
    public T Read<T>(Func<Microsoft.Data.Sqlite.SqliteConnection, T> query)
    {
        using var connection = _database.Connect();
        return query(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _history.Dispose();
    }
}
