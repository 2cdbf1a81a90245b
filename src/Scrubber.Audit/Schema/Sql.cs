using System.Data.Common;

namespace Scrubber.Audit.Schema;

/// <summary>One-off statements with positional values bound as <c>@p0</c>, <c>@p1</c>, …; the hot statements go
/// through <see cref="PreparedStatements"/> instead.</summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<object?> values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqlDialect.Of(connection).Translate(sql);
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<object?> values)
    {
        using var command = Command(connection, transaction, sql, values);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<object?> values)
    {
        using var command = Command(connection, transaction, sql, values);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Reads every row of a query through <paramref name="row"/>.</summary>
    public static List<T> Rows<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> row, params ReadOnlySpan<object?> values)
    {
        using var command = Command(connection, transaction, sql, values);
        return Rows(command, row);
    }

    /// <summary>Reads every row of <paramref name="command"/>, its values bound, through <paramref name="row"/>.</summary>
    public static List<T> Rows<T>(DbCommand command, Func<DbDataReader, T> row)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
