using System.Collections.Immutable;
using System.Data.Common;
using Scrubber.Audit.Records;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Outcomes;

/// <summary>Finds the scrub sent for a claim id: the confirmed one, else the latest. CLP01 is the CLM01 that was sent
/// (domain.md §6.4), which payers may cut short.</summary>
internal static class ClaimMatcher
{
    /// <summary>Payers may cut CLP01 short; a shorter prefix would match too much.</summary>
    private const int MinimumPrefix = 6;

    private const string Submission = "SELECT scrub_id, CASE WHEN confirmed_at IS NULL THEN 0 ELSE 1 END FROM claim_submissions WHERE claim_id = @p0";

    private const string Latest = "SELECT scrub_id FROM scrub_records WHERE claim_id = @p0 ORDER BY scrubbed_at DESC LIMIT 1";

    /// <summary>Claim ids that start with @p0: a range of an index from @p0 up to @p0 followed by the highest
    /// character, so an unknown id reads a handful of index entries, never the claims after it.</summary>
    private const string SubmittedPrefix =
        "SELECT claim_id FROM claim_submissions WHERE claim_id > @p0 AND claim_id < @p0 || char(1114111) LIMIT 2";

    private const string RecordedPrefix =
        "SELECT DISTINCT claim_id FROM scrub_records WHERE claim_id > @p0 AND claim_id < @p0 || char(1114111) LIMIT 2";

    private const string CountsAsSent =
        "INSERT INTO claim_submissions (claim_id, scrub_id, confirmed_at) VALUES (@p0, @p1, NULL) " +
        "ON CONFLICT (claim_id) DO UPDATE SET scrub_id = excluded.scrub_id WHERE claim_submissions.confirmed_at IS NULL";

    private const string Lines = "SELECT line_id, code, modifiers, service_date, charge_cents FROM scrub_lines WHERE scrub_id = @p0 ORDER BY seq";

    /// <summary>The scrub that counts as sent for <paramref name="claimId"/> (or the one claim id it is a cut-short
    /// prefix of), or null. A found claim is from then on sent: its scrub is recorded as the one that counts and its
    /// rows are derived, so the remittance and resolution rows can refer to them.</summary>
    public static SentScrub? FindSentScrub(DbConnection connection, DbTransaction transaction, PreparedStatements statements, RecordDictionary dictionary,
        string claimId)
    {
        var sent = Exact(connection, transaction, claimId);
        if (sent is null && claimId.Length >= MinimumPrefix)
        {
            var candidates = PreparedStatements.Rows(statements.For(connection, transaction, SubmittedPrefix, 1), r => r.GetString(0), claimId)
                .Union(PreparedStatements.Rows(statements.For(connection, transaction, RecordedPrefix, 1), r => r.GetString(0), claimId), StringComparer.Ordinal)
                .ToList();
            sent = candidates is [var only] ? Exact(connection, transaction, only) : null;
        }

        if (sent is not null)
        {
            ClaimRows.Derive(connection, transaction, statements, dictionary, sent.ClaimId);
            if (PreparedStatements.Run(statements.For(connection, transaction, CountsAsSent, 2), sent.ClaimId, sent.ScrubId) > 0)
            {
                Reports.LineFacts.RefreshIfReported(connection, transaction, statements, sent.ClaimId);
            }
        }

        return sent;
    }

    public static ImmutableArray<SentLine> SentLines(DbConnection connection, DbTransaction transaction, PreparedStatements statements, string scrubId) =>
    [
        .. PreparedStatements.Rows(statements.For(connection, transaction, Lines, 1),
            r => new SentLine(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)), scrubId),
    ];

    /// <summary>The confirmed scrub of the claim, else its latest record, else (a store written before records were
    /// compact) the scrub its submission row names; null when the claim was never scrubbed.</summary>
    public static SentScrub? Exact(DbConnection connection, DbTransaction? transaction, string claimId)
    {
        var submission = Sql.Rows(connection, transaction, Submission, r => (ScrubId: r.GetString(0), Confirmed: r.GetInt64(1) != 0), claimId);
        if (submission is [{ Confirmed: true } confirmed])
        {
            return new SentScrub(claimId, confirmed.ScrubId);
        }

        var latest = Sql.Scalar(connection, transaction, Latest, claimId) as string ?? (submission is [var row] ? row.ScrubId : null);
        return latest is null ? null : new SentScrub(claimId, latest);
    }
}

/// <summary>The claim id as sent and the scrub that counts as sent for it.</summary>
internal sealed record SentScrub(string ClaimId, string ScrubId);

/// <summary>A line of the sent scrub, as stored.</summary>
internal sealed record SentLine(string LineId, string Code, string Modifiers, string ServiceDate, long ChargeCents);
