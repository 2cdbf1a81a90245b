using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace Scrubber.Audit.Outcomes;

/// <summary>Finds the scrub sent for an 835 claim: CLP01 is the CLM01 that was sent (domain.md §6.4).</summary>
internal static class ClaimMatcher
{
    /// <summary>Payers may cut CLP01 short; a shorter prefix would match too much.</summary>
    private const int MinimumPrefix = 6;

    public static SentScrub? FindSentScrub(SqliteConnection connection, SqliteTransaction transaction, string claimId)
    {
        if (Query(connection, transaction, "SELECT claim_id, scrub_id FROM claim_submissions WHERE claim_id = $p0", claimId) is [var exact])
        {
            return exact;
        }

        return claimId.Length >= MinimumPrefix &&
               Query(connection, transaction, "SELECT claim_id, scrub_id FROM claim_submissions WHERE claim_id > $p0 AND substr(claim_id, 1, length($p0)) = $p0 LIMIT 2", claimId) is [var truncated]
            ? truncated
            : null;
    }

    public static ImmutableArray<SentLine> SentLines(SqliteConnection connection, SqliteTransaction transaction, string scrubId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT line_id, code, modifiers, service_date, charge_cents FROM scrub_lines WHERE scrub_id = $p0 ORDER BY seq";
        command.Parameters.AddWithValue("$p0", scrubId);
        using var reader = command.ExecuteReader();
        var lines = ImmutableArray.CreateBuilder<SentLine>();
        while (reader.Read())
        {
            lines.Add(new SentLine(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
        }

        return lines.ToImmutable();
    }

    private static List<SentScrub> Query(SqliteConnection connection, SqliteTransaction transaction, string sql, string claimId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p0", claimId);
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
