using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Reports;

/// <summary>A statement over a list of claims (<c>$claims</c> in its text), prepared in two sizes: one claim, and
/// <see cref="LineFacts.ClaimsPerStatement"/> (a shorter list repeats its last claim, <see cref="LineFacts.Listed"/>).
/// A single claim gets a statement of its own: binding a hundred parameters would cost a confirmation's refresh more
/// than its reads.</summary>
internal sealed class ClaimStatement(string template)
{
    private readonly string _one = template.Replace("$claims", "(@p0)", StringComparison.Ordinal);

    private readonly string _many = template.Replace("$claims",
        $"({string.Join(", ", Enumerable.Range(0, LineFacts.ClaimsPerStatement).Select(i => $"@p{i}"))})", StringComparison.Ordinal);

    /// <summary>The writer's prepared statement for a list of <paramref name="listed"/>'s size.</summary>
    public DbCommand For(DbConnection connection, DbTransaction transaction, PreparedStatements statements, object?[] listed) =>
        statements.For(connection, transaction, listed.Length == 1 ? _one : _many, listed.Length);
}
