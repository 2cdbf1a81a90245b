using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Sessions;

/// <summary>Revokes one session (sign-out), or every session in force of one caller (its key left the settings);
/// returns how many were revoked.</summary>
internal sealed class RevokeSessionsWrite(string? sessionHash, string? callerHash, DateTimeOffset at, string why) : IWrite<int>
{
    private const string OneSession =
        "UPDATE dashboard_sessions SET revoked_at = @p1, revoked_why = @p2 WHERE session_hash = @p0 AND revoked_at IS NULL";

    private const string OfCaller =
        "UPDATE dashboard_sessions SET revoked_at = @p1, revoked_why = @p2 WHERE caller_hash = @p0 AND revoked_at IS NULL";

    public int Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements) =>
        PreparedStatements.Run(statements.For(connection, transaction, sessionHash is null ? OfCaller : OneSession, 3),
            sessionHash ?? callerHash, Dates.Text(at), why);
}
