using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Scrubber.Audit.Schema;

/// <summary>The SQLite file: created owner-only, opened in WAL with full sync and foreign keys, migrated at start.</summary>
internal sealed class SqliteDatabase : AuditDatabase
{
    private readonly string _connectionString;

    private SqliteDatabase(string path)
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

    public override string Location => Path;

    /// <summary>Creates the file if needed (readable by its owner only), applies pending migrations, and returns the database.</summary>
    /// <exception cref="AuditStoreException">The file cannot be created or opened, or its schema is newer than this build.</exception>
    public static SqliteDatabase Open(string path)
    {
        try
        {
            CreateOwnerOnly(path);
            var database = new SqliteDatabase(path);
            using var connection = database.Connect();

            // WAL lets reports and history reads run while scrubs are written. It is a property of the file, set once.
            Sql.Execute(connection, null, "PRAGMA journal_mode = WAL;");
            Migrate(connection, SqlDialect.Sqlite, Migrations.All);
            // One process writes the file: whatever is staged was left by the last run.
            Outcomes.RemittanceSql.DropAbandoned(connection, DateTimeOffset.MaxValue);
            Reports.LineFacts.RefreshAllQueued(connection);
            return database;
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            throw new AuditStoreException($"The audit store '{path}' cannot be opened: {ex.Message}", ex);
        }
    }

    /// <summary>Opens a pooled connection for reads: no settings to apply, so a pooled one is ready at once.</summary>
    public override DbConnection ConnectForRead()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Opens a pooled connection with the per-connection settings writes need.</summary>
    public override DbConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();

        // FULL makes a commit durable once it returns (no acknowledged scrub lost on power loss); group commit, not a
        // weaker sync, is what buys throughput.
        Sql.Execute(connection, null, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;");
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
}
