using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Scrubber.Audit.Sessions;

/// <summary>Reads one session by the hash of its id.</summary>
internal static class SessionQuery
{
    public static DashboardSession? Find(SqliteConnection connection, string sessionHash)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT caller_hash, caller_name, created_at, expires_at, revoked_at, revoked_why
            FROM dashboard_sessions WHERE session_hash = $hash
            """;
        command.Parameters.AddWithValue("$hash", sessionHash);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new DashboardSession(sessionHash, reader.GetString(0), reader.GetString(1), Time(reader.GetString(2)), Time(reader.GetString(3)),
            reader.IsDBNull(4) ? null : Time(reader.GetString(4)), reader.GetString(5));
    }

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
