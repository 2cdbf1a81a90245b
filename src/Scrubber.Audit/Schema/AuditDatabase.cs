using System.Data.Common;

namespace Scrubber.Audit.Schema;

/// <summary>Where the store's rows live: the SQLite file (the embedded default) or a PostgreSQL database that several
/// replicas share. Everything above this class speaks <see cref="System.Data.Common"/> and the portable SQL that
/// <see cref="SqlDialect"/> adapts for the connection's provider; nothing else knows which provider it runs on.</summary>
internal abstract class AuditDatabase : IDisposable
{
    /// <summary>Where the store is, for logs and errors: the file path, or host, port and database (never a password).</summary>
    public abstract string Location { get; }

    /// <summary>Opens a pooled connection for reads.</summary>
    public abstract DbConnection ConnectForRead();

    /// <summary>Opens a pooled connection with the settings writes need.</summary>
    public abstract DbConnection Connect();

    /// <summary>Releases the provider's pool.</summary>
    public virtual void Dispose()
    {
    }

    /// <summary>Whether <paramref name="exception"/> is the provider's own failure (the store is unreachable, full or
    /// corrupt), which callers see only as an <see cref="AuditStoreException"/>.</summary>
    public static bool IsProviderFailure(Exception exception) => exception is DbException;

    /// <summary>Applies the migrations the store lacks, in one transaction each.</summary>
    /// <exception cref="AuditStoreException">The store's schema is newer than this build.</exception>
    protected static void Migrate(DbConnection connection, SqlDialect dialect, IReadOnlyList<Migration> migrations)
    {
        Sql.Execute(connection, null, dialect.SchemaVersionTable);
        var version = Convert.ToInt32(Sql.Scalar(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture);
        var latest = migrations[^1].Version;
        if (version > latest)
        {
            throw new AuditStoreException($"The audit store's schema is version {version}, newer than this build knows ({latest}). Use a newer build.");
        }

        foreach (var (number, name, sql, data) in migrations.Where(m => m.Version > version))
        {
            using var transaction = connection.BeginTransaction();
            dialect.LockSchema(connection, transaction);

            // Another replica may have applied it while this one waited for the lock.
            if (Convert.ToInt32(Sql.Scalar(connection, transaction, "SELECT COUNT(*) FROM schema_version WHERE version = @p0", number), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                Sql.Execute(connection, transaction, sql);
                data?.Invoke(connection, transaction);
                Sql.Execute(connection, transaction, "INSERT INTO schema_version (version, name, applied_at) VALUES (@p0, @p1, @p2)",
                    number, name, Dates.Text(DateTimeOffset.UtcNow));
            }

            transaction.Commit();
        }
    }
}
