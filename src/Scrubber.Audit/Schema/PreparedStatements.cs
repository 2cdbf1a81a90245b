using System.Data.Common;

namespace Scrubber.Audit.Schema;

/// <summary>The writer's statements, prepared once and reused for every write (parsed once per connection).</summary>
internal sealed class PreparedStatements : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The statement for <paramref name="sql"/>, with parameters @p0..@pN-1, enlisted in <paramref name="transaction"/>.</summary>
    public DbCommand For(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = SqlDialect.Of(connection).Translate(sql);
            for (var i = 0; i < parameters; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
            }

            _commands[sql] = command;
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>Runs <paramref name="command"/> with <paramref name="values"/> as @p0, @p1, …</summary>
    public static int Run(DbCommand command, params ReadOnlySpan<object?> values)
    {
        Bind(command, values);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="command"/> with <paramref name="values"/> as @p0, @p1, … and returns the first column
    /// of the first row (a RETURNING id, a lookup), or null when there is none.</summary>
    public static object? Scalar(DbCommand command, params ReadOnlySpan<object?> values)
    {
        Bind(command, values);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs <paramref name="command"/> with <paramref name="values"/> as @p0, @p1, … and reads every row through
    /// <paramref name="row"/>.</summary>
    public static List<T> Rows<T>(DbCommand command, Func<DbDataReader, T> row, params ReadOnlySpan<object?> values)
    {
        Bind(command, values);
        return Sql.Rows(command, row);
    }

    /// <summary>Forgets every statement: the connection they were prepared on is gone.</summary>
    public void Clear()
    {
        Dispose();
        _commands.Clear();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }

    private static void Bind(DbCommand command, ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            // Every integer column is 64-bit on both providers, and a flag is one of them. A statement prepared with a
            // NULL lets PostgreSQL infer the column's type; a later value must then arrive in that type.
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                bool flag => flag ? 1L : 0L,
                int number => (long)number,
                var value => value,
            };
        }
    }
}
