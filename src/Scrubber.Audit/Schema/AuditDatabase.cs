using Microsoft.Data.Sqlite;

namespace Scrubber.Audit.Schema;

/// <summary>The SQLite file: created owner-only, opened in WAL with full sync and foreign keys, migrated at start.</summary>
internal sealed class AuditDatabase
{
    private readonly string _connectionString;

    private AuditDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Creates the file if needed (readable by its owner only), applies pending migrations, and returns the database.</summary>
    /// <exception cref="AuditStoreException">The file cannot be created or opened, or its schema is newer than this build.</exception>
    public static AuditDatabase Open(string path)
    {
        try
        {
            CreateOwnerOnly(path);
            var database = new AuditDatabase(path);
            using var connection = database.Connect();

            // WAL lets reports and history reads run while scrubs are written. It is a property of the file, set once.
            Execute(connection, null, "PRAGMA journal_mode = WAL;");
            Migrate(connection);
            Outcomes.RemittanceSql.DropAbandoned(connection);
            return database;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new AuditStoreException($"The audit store '{path}' cannot be opened: {ex.Message}", ex);
        }
    }

    /// <summary>Opens a pooled connection for reads: no settings to apply, so a pooled one is ready at once.</summary>
    public SqliteConnection ConnectForRead()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Opens a pooled connection with the per-connection settings writes need.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();

        // FULL makes a commit durable once it returns (no acknowledged scrub lost on power loss); group commit, not a
        // weaker sync, is what buys throughput.
        pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private static void CreateOwnerOnly(string path)
    {
        // Folders made for the store are its owner's alone (App_Data under dotnet run).
        OwnerOnlyFolder.Create(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }
        else if ((File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    private static void Migrate(SqliteConnection connection)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;");
        using var current = connection.CreateCommand();
        current.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        var version = Convert.ToInt32(current.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var latest = Migrations.All[^1].Version;
        if (version > latest)
        {
            throw new AuditStoreException($"The audit store's schema is version {version}, newer than this build knows ({latest}). Use a newer build.");
        }

        foreach (var (number, name, sql) in Migrations.All.Where(m => m.Version > version))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, sql);
            Execute(connection, transaction, $"INSERT INTO schema_version (version, name, applied_at) VALUES ({number}, '{name}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));");
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
