using Npgsql;

namespace Scrubber.Testing;

/// <summary>A fresh database of its own on the <see cref="PostgresServer"/>, dropped on dispose.</summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private bool _dropped;

    private PostgresDatabase(string adminConnectionString, string name)
    {
        AdminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The database's name: <c>scrubber_test_</c> and a new GUID.</summary>
    public string Name { get; }

    /// <summary>The same server as <c>SCRUBBER_POSTGRES</c>, this database.</summary>
    public string ConnectionString { get; }

    /// <summary>The connection string from <c>SCRUBBER_POSTGRES</c>, which created the database and drops it.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Creates a uniquely named database on the server <c>SCRUBBER_POSTGRES</c> names.</summary>
    /// <exception cref="InvalidOperationException"><c>SCRUBBER_POSTGRES</c> is not set.</exception>
    public static PostgresDatabase Create()
    {
        var admin = PostgresServer.RequireConnectionString();
        var database = new PostgresDatabase(admin, $"scrubber_test_{Guid.NewGuid():N}");
        using var connection = new NpgsqlConnection(admin);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
        create.ExecuteNonQuery();
        return database;
    }

    /// <summary>Opens a connection to this database.</summary>
    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        if (_dropped)
        {
            return;
        }

        ClearPool();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
        _dropped = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dropped)
        {
            return;
        }

        ClearPool();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        _dropped = true;
    }

    // Idle pooled connections to the database are closed first; any still in use (one a test left open) are ended by
    // DROP DATABASE ... WITH (FORCE), which needs PostgreSQL 13 or later.
    private void ClearPool()
    {
        using var pooled = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(pooled);
    }
}
