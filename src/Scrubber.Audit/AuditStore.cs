using System.Data.Common;
using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Records;
using Scrubber.Audit.Schema;
using Scrubber.Audit.Scrubs;
using Scrubber.Audit.Sessions;
using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Audit;

/// <summary>The audit store: records scrubs durably (group commit), confirms what was sent, reads history, ingests
/// remittances and answers the reports; on SQLite (the embedded default) or PostgreSQL (replicas sharing one
/// database). It implements every storage port; no provider type (a SqliteException, an NpgsqlException) leaves it.</summary>
public sealed class AuditStore : IScrubRecorder, IHistoryReader, IRemittanceStore, IResolutionStore, IReportQueries, IRetention, ISessionStore, IAsyncDisposable
{
    private readonly AuditDatabase _database;
    private readonly RecordDictionary _dictionary = new();
    private readonly GroupCommitWriter _writer;
    private readonly HistoryReader _history;
    private readonly bool _countUnconfirmedScrubs;

    private AuditStore(AuditDatabase database, int maxBatch, bool countUnconfirmedScrubs)
    {
        _database = database;
        _writer = new GroupCommitWriter(database, _dictionary, maxBatch);
        _history = new HistoryReader(database);
        _countUnconfirmedScrubs = countUnconfirmedScrubs;
    }

    /// <summary>Where the store is: the SQLite file, or the PostgreSQL host, port and database.</summary>
    public string Path => _database.Location;

    /// <summary>The provider: Sqlite or Postgres.</summary>
    public AuditProvider Provider => _database is PostgresDatabase ? AuditProvider.Postgres : AuditProvider.Sqlite;

    /// <summary>Opens (creating and migrating as needed) the SQLite store at <paramref name="path"/>.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="maxBatch">The most writes one group commit holds.</param>
    /// <param name="countUnconfirmedScrubs">Whether the latest scrub of a claim counts as sent without a confirmation or
    /// an 835 (Audit:CountUnconfirmedScrubs), for integrations that cannot confirm.</param>
    /// <exception cref="AuditStoreException">The file cannot be opened or its schema is newer than this build.</exception>
    public static AuditStore Open(string path, int maxBatch = 512, bool countUnconfirmedScrubs = false) =>
        new(SqliteDatabase.Open(path), maxBatch, countUnconfirmedScrubs);

    /// <summary>Opens (migrating as needed) the PostgreSQL store named by <paramref name="connectionString"/>.</summary>
    /// <exception cref="AuditStoreException">The server cannot be reached or its schema is newer than this build.</exception>
    public static AuditStore OpenPostgres(string connectionString, int maxBatch = 512, bool countUnconfirmedScrubs = false) =>
        new(PostgresDatabase.Open(connectionString), maxBatch, countUnconfirmedScrubs);

    /// <summary>Opens the store the settings name; a relative SQLite path is under <paramref name="contentRoot"/>.</summary>
    /// <exception cref="AuditStoreException">The store cannot be opened.</exception>
    public static AuditStore Open(AuditOptions options, string contentRoot) => options.Provider switch
    {
        AuditProvider.Postgres => OpenPostgres(options.ConnectionString, options.MaxBatch, options.CountUnconfirmedScrubs),
        _ => Open(System.IO.Path.GetFullPath(options.Path, contentRoot), options.MaxBatch, options.CountUnconfirmedScrubs),
    };

    /// <summary>Records a scrub; completes once it is committed.</summary>
    /// <exception cref="InvalidRecordException">A value of the claim cannot be stored.</exception>
    public Task RecordAsync(ScrubRecord record, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new RecordScrubWrite(record, _countUnconfirmedScrubs, _dictionary), cancellationToken);

    /// <summary>Marks <paramref name="scrubId"/> as the scrub that was sent for its claim; returns its claim id, or
    /// null when no scrub has that id.</summary>
    public Task<string?> ConfirmSubmissionAsync(string scrubId, DateTimeOffset confirmedAt, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new ConfirmSubmissionWrite(scrubId, confirmedAt, _dictionary), cancellationToken);

    /// <summary>Ingests a parsed 835 in one transaction; the same file (by content hash) twice counts once, also when
    /// two replicas ingest it at once. The result lists at most <paramref name="maxUnmatchedListed"/> unmatched claims,
    /// and lines; <see cref="ListUnmatched"/> lists all.</summary>
    /// <exception cref="InvalidRecordException">A value cannot be stored; nothing of the file was.</exception>
    /// <exception cref="OperationCanceledException">The call's deadline passed or it was cancelled; nothing was stored.</exception>
    /// <remarks>Staged in chunks that scrub commits interleave with, then published in one short transaction.</remarks>
    public Task<IngestResult> IngestRemittanceAsync(Remittance remittance, DateTimeOffset ingestedAt, int maxUnmatchedListed = int.MaxValue,
        CancellationToken cancellationToken = default) =>
        RemittanceIngestion.RunAsync(_writer, _dictionary, remittance, ingestedAt, maxUnmatchedListed, cancellationToken);

    /// <summary>Records a resolution step on a line of a claim's sent scrub; returns the scrub id.</summary>
    /// <exception cref="RecordNotFoundException">No sent claim has that id, or it has no such line.</exception>
    public Task<string> UpdateResolutionAsync(Resolution resolution, DateTimeOffset recordedAt, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new UpdateResolutionWrite(resolution, recordedAt, _dictionary), cancellationToken);

    /// <summary>Lines sent for the patient on the given dates of service, on claims other than <paramref name="excludedClaims"/>
    /// (the claim being scrubbed and the claim it replaces or voids). Lines the payer denied in full are not there.</summary>
    public IReadOnlyList<PriorLine> History(string patientKey, IReadOnlyList<string> excludedClaims, HistoryWindow window) =>
        Guard(() => _history.Read(patientKey, excludedClaims, window));

    /// <summary>The scrub with id <paramref name="scrubId"/> as recorded, each message in the words that were sent;
    /// null when there is none.</summary>
    public StoredScrub? ReadScrub(string scrubId) => Guard(() =>
    {
        using var connection = _database.ConnectForRead();
        var row = Sql.Rows(connection, null, "SELECT claim_id, scrubbed_at, body FROM scrub_records WHERE scrub_id = @p0",
            r => (ClaimId: r.GetString(0), At: r.GetInt64(1), Body: (byte[])r.GetValue(2)), scrubId);
        return row is [var found] ? _dictionary.Decode(connection, null, scrubId, found.ClaimId, found.At, found.Body) : null;
    });

    /// <summary>The scrub that counts as sent for <paramref name="claimId"/>: the confirmed one, else the latest; null
    /// when the claim was never scrubbed.</summary>
    public string? SentScrubId(string claimId) => Guard(() =>
    {
        using var connection = _database.ConnectForRead();
        return ClaimMatcher.Exact(connection, null, claimId)?.ScrubId;
    });

    /// <summary>Every sent line with a remittance outcome and the edit left on it, as the report facts hold it.</summary>
    public IReadOnlyList<Reports.DeniedLine> SentLineOutcomes(Reports.ReportFilter filter) => Report(filter, query => query.Lines());

    /// <summary>The denials the filter counts that a weekly row reports under <paramref name="column1"/> and
    /// <paramref name="deniedCode"/>, in claim order.</summary>
    public IReadOnlyList<Reports.DeniedLine> DenialsUnder(Reports.ReportFilter filter, string column1, string deniedCode) =>
        Report(filter, query => query.Lines("AND family IS NOT NULL AND pair_column1 = @a0 AND pair_column2 = @a1", column1, deniedCode)
            .Where(filter.CountsDenial).ToList());

    /// <summary>The weekly aggregates purges kept, for the weeks overlapping the filter's days, payer and provider.</summary>
    public IReadOnlyList<Reports.WeeklyAggregate> PurgedWeeks(Reports.ReportFilter filter) => Guard(() =>
    {
        using var connection = _database.ConnectForRead();
        return Retention.PurgedWeeks.Read(connection, filter);
    });

    /// <summary>The live denials the filter counts, counted by what a weekly row is made of.</summary>
    public IReadOnlyList<Reports.WeeklyAggregate> LiveWeeks(Reports.ReportFilter filter) => Report(filter, query => Reports.WeeklyAggregate.Read(query, filter));

    /// <inheritdoc/>
    public IReadOnlyList<Reports.OverriddenThenDeniedRow> OverriddenThenDenied(Reports.ReportFilter filter) =>
        Report(filter, query => Reports.FeedbackReports.OverriddenThenDenied(query, filter));

    /// <inheritdoc/>
    public IReadOnlyList<Reports.MissedRow> Missed(Reports.ReportFilter filter) => Report(filter, query => Reports.FeedbackReports.Missed(query, filter));

    /// <inheritdoc/>
    public IReadOnlyList<Reports.WeeklyPairRow> WeeklyDashboard(Reports.ReportFilter filter, int repeatThreshold) =>
        Reports.WeeklyDashboard.Compute(LiveWeeks(filter), filter, repeatThreshold, PurgedWeeks(filter));

    /// <inheritdoc/>
    public Reports.KpiReport Kpis(Reports.ReportFilter filter) => Report(filter, query => Reports.Kpis.Read(query, filter));

    /// <inheritdoc/>
    public IReadOnlyList<Reports.PatternRow> Patterns(Reports.ReportFilter filter) => Report(filter, query => Reports.Patterns.Read(query, filter));

    /// <summary>Removes the remittance outcomes counted before <paramref name="before"/> (their denials kept as weekly
    /// aggregates), then the scrubs made before it that no remaining outcome holds. Each batch is one write between the
    /// scrubs, so the service keeps answering; a purge stopped half way leaves whole batches and can be run again.</summary>
    /// <param name="before">The first day kept.</param>
    /// <param name="progress">Told the totals after each batch.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    public Task<Retention.PurgeResult> PurgeAsync(DateOnly before, IProgress<Retention.PurgeResult>? progress = null, CancellationToken cancellationToken = default) =>
        PurgeAsync(before, batchSize: 500, progress, cancellationToken);

    /// <summary>A purge in batches of <paramref name="batchSize"/> remittance claims or scrubs.</summary>
    internal async Task<Retention.PurgeResult> PurgeAsync(DateOnly before, int batchSize, IProgress<Retention.PurgeResult>? progress, CancellationToken cancellationToken)
    {
        var total = new Retention.PurgeResult(0, 0, 0, 0, 0);
        for (long after = 0; ;)
        {
            var (last, claims, lines, denied, aggregates) =
                await _writer.WriteAsync(new Retention.PurgeOutcomesWrite(before, after, batchSize), cancellationToken).ConfigureAwait(false);
            if (claims == 0)
            {
                break;
            }

            after = last;
            total = total with
            {
                RemittanceClaims = total.RemittanceClaims + claims, RemittanceLines = total.RemittanceLines + lines,
                DeniedLinesAggregated = total.DeniedLinesAggregated + denied, AggregateRows = total.AggregateRows + aggregates,
            };
            progress?.Report(total);
        }

        for (var after = string.Empty; ;)
        {
            var (seen, last, removed) = await _writer.WriteAsync(new Retention.PurgeScrubsWrite(before, after, batchSize), cancellationToken).ConfigureAwait(false);
            if (seen == 0)
            {
                break;
            }

            (after, total) = (last, total with { Scrubs = total.Scrubs + removed });
            progress?.Report(total);
        }

        await _writer.WriteAsync(new Retention.RecordPurgeWrite(before, DateTimeOffset.UtcNow, total), cancellationToken).ConfigureAwait(false);
        return total;
    }

    /// <summary>Every unmatched claim and line of the 835 whose content hash is <paramref name="sha256"/>; null when no
    /// such file was ingested.</summary>
    public UnmatchedList? ListUnmatched(string sha256) => Guard(() =>
    {
        using var connection = _database.ConnectForRead();
        return UnmatchedQuery.Run(connection, sha256);
    });

    /// <summary>How many scrubs, claims, remittances and resolutions the store holds.</summary>
    public StoreCounts Counts() => Guard(() =>
    {
        using var connection = _database.ConnectForRead();
        return StoreCounts.Read(connection);
    });

    /// <summary>Records a new dashboard session; completes once it is committed.</summary>
    public Task OpenSessionAsync(DashboardSession session, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new OpenSessionWrite(session), cancellationToken);

    /// <summary>The session whose id hashes to <paramref name="sessionHash"/>, in force or not; null when there is none.</summary>
    public DashboardSession? FindSession(string sessionHash) => Guard(() =>
    {
        using var connection = _database.ConnectForRead();
        return SessionQuery.Find(connection, sessionHash);
    });

    /// <summary>Revokes one session; returns whether it was in force.</summary>
    public async Task<bool> RevokeSessionAsync(string sessionHash, DateTimeOffset at, string why, CancellationToken cancellationToken = default) =>
        await _writer.WriteAsync(new RevokeSessionsWrite(sessionHash, null, at, why), cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>Revokes every session in force of the caller whose key hashes to <paramref name="callerHash"/>; returns how many.</summary>
    public Task<int> RevokeSessionsOfCallerAsync(string callerHash, DateTimeOffset at, string why, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new RevokeSessionsWrite(null, callerHash, at, why), cancellationToken);

    /// <summary>Every data-protection key the dashboard's cookies are sealed with, by name.</summary>
    public IReadOnlyList<(string Name, string Xml)> DataProtectionKeys() => Guard(() =>
    {
        using var connection = _database.ConnectForRead();
        return (IReadOnlyList<(string, string)>)Sql.Rows(connection, null, "SELECT name, xml FROM data_protection_keys ORDER BY name", r => (r.GetString(0), r.GetString(1)));
    });

    /// <summary>Stores a data-protection key; a key of the same name already there is kept (keys never change).</summary>
    public Task StoreDataProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new Sessions.StoreKeyWrite(name, xml), cancellationToken);

    /// <summary>Runs a read-only query on a pooled connection; for tools and tests.</summary>
    public T Read<T>(Func<DbConnection, T> query)
    {
        using var connection = _database.Connect();
        return query(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _history.Dispose();
        _database.Dispose();
    }

    /// <summary>Runs one report's reads of the facts the filter covers, in one snapshot.</summary>
    private T Report<T>(Reports.ReportFilter filter, Func<Reports.FactQuery, T> read) => Guard(() =>
    {
        using var connection = _database.ConnectForRead();
        using var query = new Reports.FactQuery(connection, filter);
        return read(query);
    });

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DbException ex)
        {
            throw new AuditStoreException($"The audit store could not be read: {ex.Message}", ex);
        }
    }
}
