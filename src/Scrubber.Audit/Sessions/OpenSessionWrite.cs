using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Sessions;

/// <summary>Records a new session, and forgets sessions that ended more than a day before it.</summary>
/// <remarks>Ended sessions are kept a day so that a replayed cookie of one is still told apart from a forged one in
/// the log of an investigation; after that the cookie has expired on its own as well.</remarks>
internal sealed class OpenSessionWrite(DashboardSession session) : IWrite<bool>
{
    private const string Insert =
        "INSERT INTO dashboard_sessions (session_hash, caller_hash, caller_name, created_at, expires_at) VALUES (@p0, @p1, @p2, @p3, @p4)";

    private const string Forget = "DELETE FROM dashboard_sessions WHERE expires_at < @p0";

    public bool Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        PreparedStatements.Run(statements.For(connection, transaction, Forget, 1), Dates.Text(session.CreatedAt.AddDays(-1)));
        PreparedStatements.Run(statements.For(connection, transaction, Insert, 5),
            session.SessionHash, session.CallerHash, session.CallerName, Dates.Text(session.CreatedAt), Dates.Text(session.ExpiresAt));
        return true;
    }
}
