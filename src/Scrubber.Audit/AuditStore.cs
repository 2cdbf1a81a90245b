using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Schema;
using Scrubber.Audit.Scrubs;
using Scrubber.Core.Claims;

namespace Scrubber.Audit;

/// <summary>The audit store: records scrubs durably (group commit), confirms what was sent, and reads history.</summary>
public sealed class AuditStore : IAsyncDisposable
{
    private readonly AuditDatabase _database;
    private readonly GroupCommitWriter _writer;

    private AuditStore(AuditDatabase database, int maxBatch)
    {
        _database = database;
        _writer = new GroupCommitWriter(database, maxBatch);
    }

    /// <summary>The database file.</summary>
    public string Path => _database.Path;

    /// <summary>Opens (creating and migrating as needed) the store at <paramref name="path"/>.</summary>
    /// <exception cref="AuditStoreException">The file cannot be opened or its schema is newer than this build.</exception>
    public static AuditStore Open(string path, int maxBatch = 512) => new(AuditDatabase.Open(path), maxBatch);

    /// <summary>Records a scrub; completes once it is committed to disk.</summary>
    public Task RecordAsync(ScrubRecord record, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new RecordScrubWrite(record), cancellationToken);

    /// <summary>Marks <paramref name="scrubId"/> as the scrub that was sent for its claim; returns its claim id, or
    /// null when no scrub has that id.</summary>
    public async Task<string?> ConfirmSubmissionAsync(string scrubId, DateTimeOffset confirmedAt, CancellationToken cancellationToken = default)
    {
        var write = new ConfirmSubmissionWrite(scrubId, confirmedAt);
        await _writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        return write.ClaimId;
    }

    /// <summary>Ingests a parsed 835 in one transaction; the same file (by content hash) twice counts once.</summary>
    public async Task<IngestResult> IngestRemittanceAsync(Remittance remittance, DateTimeOffset ingestedAt, CancellationToken cancellationToken = default)
    {
        var write = new IngestRemittanceWrite(remittance, ingestedAt);
        await _writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        return write.Result!;
    }

    /// <summary>Records a resolution step on a line of a claim's sent scrub; returns the scrub id.</summary>
    /// <exception cref="RecordNotFoundException">No sent claim has that id, or it has no such line.</exception>
    public async Task<string> UpdateResolutionAsync(Resolution resolution, DateTimeOffset recordedAt, CancellationToken cancellationToken = default)
    {
        var write = new UpdateResolutionWrite(resolution, recordedAt);
        await _writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        return write.ScrubId!;
    }

    /// <summary>Lines already sent on other claims for the patient, on the given dates of service.</summary>
    public IReadOnlyList<PriorLine> History(string patientKey, string claimId, IReadOnlyCollection<DateOnly> dates) =>
        HistoryQuery.Run(_database, patientKey, claimId, dates);

    /// <summary>Every sent line with a remittance outcome and the edit left on it: the input of the feedback reports.</summary>
    public IReadOnlyList<Reports.DeniedLine> SentLineOutcomes()
    {
        using var connection = _database.ConnectForRead();
        return Reports.SentLineOutcomes.Read(connection);
    }

    /// <summary>Runs a read-only query on a pooled connection; for reports and tests.</summary>
    public T Read<T>(Func<Microsoft.Data.Sqlite.SqliteConnection, T> query)
    {
        using var connection = _database.Connect();
        return query(connection);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
