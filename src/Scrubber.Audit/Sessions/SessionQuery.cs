using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Sessions;

/// <summary>Reads one session by the hash of its id.</summary>
internal static class SessionQuery
{
    public static DashboardSession? Find(DbConnection connection, string sessionHash)
    {
        using var command = Sql.Command(connection, null, """
            SELECT caller_hash, caller_name, created_at, expires_at, revoked_at, revoked_why
            FROM dashboard_sessions WHERE session_hash = @p0
            """, sessionHash);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new DashboardSession(sessionHash, reader.GetString(0), reader.GetString(1), Dates.Instant(reader.GetString(2)), Dates.Instant(reader.GetString(3)),
            reader.IsDBNull(4) ? null : Dates.Instant(reader.GetString(4)), reader.GetString(5));
    }
}
