using Npgsql;
using Scrubber.Testing;

namespace Scrubber.Audit.Tests;

/// <summary>The PostgreSQL server the tests are given (<c>SCRUBBER_POSTGRES</c>) answers, and <see cref="PostgresDatabase"/>
/// creates a database of its own there and drops it again.</summary>
public sealed class PostgresServerTests
{
    [PostgresFact]
    public async Task A_test_database_is_created_usable_and_dropped()
    {
        string name;
        await using (var database = PostgresDatabase.Create())
        {
            name = database.Name;
            Assert.True(await ExistsAsync(database.AdminConnectionString, name));

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            Assert.Equal(1, await ScalarAsync<int>(connection, "SELECT 1"));
            Assert.Equal(name, await ScalarAsync<string>(connection, "SELECT current_database()"));

            await using (var create = new NpgsqlCommand("CREATE TABLE claim (id text PRIMARY KEY, lines int NOT NULL)", connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using (var insert = new NpgsqlCommand("INSERT INTO claim (id, lines) VALUES ($1, $2), ($3, $4)", connection))
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = "CLM-1" });
                insert.Parameters.Add(new NpgsqlParameter { Value = 6 });
                insert.Parameters.Add(new NpgsqlParameter { Value = "CLM-2" });
                insert.Parameters.Add(new NpgsqlParameter { Value = 2 });
                Assert.Equal(2, await insert.ExecuteNonQueryAsync());
            }

            var rows = new List<(string Id, int Lines)>();
            await using (var select = new NpgsqlCommand("SELECT id, lines FROM claim ORDER BY id", connection))
            await using (var reader = await select.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add((reader.GetString(0), reader.GetInt32(1)));
                }
            }

            Assert.Equal([("CLM-1", 6), ("CLM-2", 2)], rows);
        }

        Assert.StartsWith("scrubber_test_", name, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(PostgresServer.RequireConnectionString(), name));
    }

    private static async Task<bool> ExistsAsync(string adminConnectionString, string database)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
