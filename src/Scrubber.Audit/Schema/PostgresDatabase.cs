using System.Data.Common;
using Npgsql;

namespace Scrubber.Audit.Schema;

/// <summary>A PostgreSQL database that several replicas share. Connections come from Npgsql's pool; statements used
/// again and again are prepared on the server by Npgsql's automatic preparation. Commits are durable as the server is
/// configured (synchronous_commit on by default).</summary>
internal sealed class PostgresDatabase : AuditDatabase
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresDatabase(NpgsqlDataSource dataSource, string location)
    {
        _dataSource = dataSource;
        Location = location;
    }

    public override string Location { get; }

    /// <summary>Connects, applies pending migrations (one replica at a time), and returns the database.</summary>
    /// <exception cref="AuditStoreException">The connection string is malformed, the server cannot be reached, or
    /// the schema is newer than this build.</exception>
    public static PostgresDatabase Open(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new AuditStoreException($"Audit:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }

        var location = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        if (builder.MaxAutoPrepare == 0)
        {
            // The history read and the writer's statements run for every scrub: prepared once per connection.
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        builder.ApplicationName ??= "scrubber";
        var database = new PostgresDatabase(NpgsqlDataSource.Create(builder.ConnectionString), location);
        try
        {
            using var connection = database.Connect();
            Migrate(connection, SqlDialect.Postgres, PostgresSchema.All);
            Outcomes.RemittanceSql.DropAbandoned(connection, DateTimeOffset.UtcNow.AddHours(-1));
            Reports.LineFacts.RefreshAllQueued(connection);
            return database;
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or System.Net.Sockets.SocketException)
        {
            database._dataSource.Dispose();
            throw new AuditStoreException($"The audit store {location} cannot be opened: {ex.Message}", ex);
        }
    }

    public override DbConnection ConnectForRead() => _dataSource.OpenConnection();

    public override DbConnection Connect() => _dataSource.OpenConnection();

    public override void Dispose()
    {
        _dataSource.Dispose();
        base.Dispose();
    }
}
