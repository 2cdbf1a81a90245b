using Microsoft.Data.Sqlite;

namespace Scrubber.Audit.Schema;

/// <summary>The writer's statements, prepared once and reused for every write (SQLite parses each only once).</summary>
internal sealed class PreparedStatements : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The statement for <paramref name="sql"/>, with parameters $p0..$pN-1, enlisted in <paramref name="transaction"/>.</summary>
    public SqliteCommand For(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }

            _commands[sql] = command;
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>Runs <paramref name="command"/> with <paramref name="values"/> as $p0, $p1, …</summary>
    public static int Run(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="command"/> with <paramref name="values"/> as $p0, $p1, … and returns the first column
    /// of the first row (a RETURNING id, a lookup), or null when there is none.</summary>
    public static object? Scalar(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }
}
