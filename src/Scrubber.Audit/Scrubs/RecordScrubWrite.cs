using System.Data.Common;
using Scrubber.Audit.Records;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Scrubs;

/// <summary>Writes a scrub's compact record: one statement (and, the first time a version or message template is
/// seen, one more for it). It is a draft: its lines pair with later claims only once it is confirmed or adjudicated,
/// unless <paramref name="countsAsSent"/> (Audit:CountUnconfirmedScrubs) makes the latest scrub of a claim count at
/// once; then its claim's rows and history are written in the same transaction.</summary>
/// <remarks>The body is encoded by the caller, off the writer's thread.</remarks>
internal sealed class RecordScrubWrite(ScrubRecord record, bool countsAsSent, RecordDictionary dictionary) : IWrite<bool>
{
    private const string InsertRecord = "INSERT INTO scrub_records (scrub_id, claim_id, scrubbed_at, body) VALUES (@p0, @p1, @p2, @p3)";

    private const string MarkSent =
        "INSERT INTO claim_submissions (claim_id, scrub_id, confirmed_at) VALUES (@p0, @p1, NULL) " +
        "ON CONFLICT (claim_id) DO UPDATE SET scrub_id = excluded.scrub_id WHERE claim_submissions.confirmed_at IS NULL " +
        "RETURNING scrub_id";

    private readonly (byte[] Body, VersionsKey Versions, TemplateKey[] Templates) _encoded =
        CompactRecord.Encode(CompactRecord.Of(record), RecordDictionary.EngineVersion);

    /// <summary>Returns true: a scrub record has no result beyond being stored.</summary>
    public bool Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        dictionary.Store(connection, transaction, statements, _encoded.Versions, _encoded.Templates);
        PreparedStatements.Run(statements.For(connection, transaction, InsertRecord, 4),
            record.ScrubId, record.Claim.ClaimId, record.ScrubbedAt.UtcTicks, _encoded.Body);

        if (countsAsSent)
        {
            // The claim's rows come first: the submission refers to them. RETURNING yields a row only when this scrub
            // became the one that counts (no confirmed scrub holds the claim).
            ClaimRows.Derive(connection, transaction, statements, dictionary, record.Claim.ClaimId);
            if (PreparedStatements.Scalar(statements.For(connection, transaction, MarkSent, 2), record.Claim.ClaimId, record.ScrubId) is not null)
            {
                SentHistory.Sent(connection, transaction, statements, record.ScrubId);
                Reports.LineFacts.RefreshIfReported(connection, transaction, statements, record.Claim.ClaimId);
            }
        }

        return true;
    }
}
