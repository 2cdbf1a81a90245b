using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Outcomes;

/// <summary>Finds the scrub sent for an 835 claim: CLP01 is the CLM01 that was sent (domain.md §6.4).</summary>
internal static class ClaimMatcher
{
    /// <summary>Payers may cut CLP01 short; a shorter prefix would match too much.</summary>
    private const int MinimumPrefix = 6;

    private const string Exact = "SELECT claim_id, scrub_id FROM claim_submissions WHERE claim_id = $p0";

    /// <summary>Claim ids that start with $p0: a range of the primary key from $p0 up to $p0 followed by the highest
    /// character, so an unknown id reads a handful of index entries, never the claims after it.</summary>
    private const string Prefix =
        "SELECT claim_id, scrub_id FROM claim_submissions WHERE claim_id > $p0 AND claim_id < $p0 || char(1114111) LIMIT 2";

    private const string Lines = "SELECT line_id, code, modifiers, service_date, charge_cents FROM scrub_lines WHERE scrub_id = $p0 ORDER BY seq";

    public static SentScrub? FindSentScrub(SqliteConnection connection, SqliteTransaction transaction, PreparedStatements statements, string claimId)
    {
        if (Query(statements.For(connection, transaction, Exact, 1), claimId) is [var exact])
        {
            return exact;
        }

        return claimId.Length >= MinimumPrefix && Query(statements.For(connection, transaction, Prefix, 1), claimId) is [var truncated]
            ? truncated
            : null;
    }

    public static ImmutableArray<SentLine> SentLines(SqliteConnection connection, SqliteTransaction transaction, PreparedStatements statements, string scrubId)
    {
        var command = statements.For(connection, transaction, Lines, 1);
        command.Parameters[0].Value = scrubId;
        using var reader = command.ExecuteReader();
        var lines = ImmutableArray.CreateBuilder<SentLine>();
        while (reader.Read())
        {
            lines.Add(new SentLine(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
        }

        return lines.ToImmutable();
    }

    private static List<SentScrub> Query(SqliteCommand command, string claimId)
    {
        command.Parameters[0].Value = claimId;
        using var reader = command.ExecuteReader();
        var found = new List<SentScrub>();
        while (reader.Read())
        {
            found.Add(new SentScrub(reader.GetString(0), reader.GetString(1)));
        }

        return found;
    }
}

/// <summary>The claim id as sent and the scrub that counts as sent for it.</summary>
internal sealed record SentScrub(string ClaimId, string ScrubId);

/// <summary>A line of the sent scrub, as stored.</summary>
internal sealed record SentLine(string LineId, string Code, string Modifiers, string ServiceDate, long ChargeCents);
