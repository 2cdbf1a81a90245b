using System.Data.Common;

namespace Scrubber.Audit.Schema;

/// <summary>What differs between the providers, kept in one place. Statements are written once, in the SQL both
/// understand (named parameters <c>@p0</c>, <c>ON CONFLICT</c>, <c>RETURNING</c>, <c>UPDATE … FROM</c>), and
/// <see cref="Translate"/> rewrites the few functions whose names differ.</summary>
internal abstract class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    public static SqlDialect Postgres { get; } = new PostgresDialect();

    /// <summary>The dialect of the provider behind <paramref name="connection"/>.</summary>
    public static SqlDialect Of(DbConnection connection) => connection is Npgsql.NpgsqlConnection ? Postgres : Sqlite;

    /// <summary>Creates the table of applied migrations when it is missing.</summary>
    public abstract string SchemaVersionTable { get; }

    /// <summary>The statement in this provider's words.</summary>
    public abstract string Translate(string sql);

    /// <summary>Serialises schema changes between processes sharing the store.</summary>
    public abstract void LockSchema(DbConnection connection, DbTransaction transaction);

    /// <summary>Serialises the publication of one 835 (by content hash) between processes sharing the store, so the
    /// same file sent to two replicas at once counts once.</summary>
    public abstract void LockRemittance(DbConnection connection, DbTransaction transaction, string sha256);

    /// <summary>Serialises the refresh of one claim's report facts between processes sharing the store, so a refresh
    /// reads the claim only once every other change to it has committed.</summary>
    public abstract void LockClaim(DbConnection connection, DbTransaction transaction, string claimId);

    /// <summary>Opens a read-only transaction whose statements all see one snapshot of the store, so a report's
    /// several queries add up.</summary>
    public abstract DbTransaction BeginSnapshot(DbConnection connection);

    private sealed class SqliteDialect : SqlDialect
    {
        public override string SchemaVersionTable =>
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT";

        public override string Translate(string sql) => sql;

        // One process writes a SQLite file, and its transactions already exclude each other.
        public override void LockSchema(DbConnection connection, DbTransaction transaction)
        {
        }

        public override void LockRemittance(DbConnection connection, DbTransaction transaction, string sha256)
        {
        }

        public override void LockClaim(DbConnection connection, DbTransaction transaction, string claimId)
        {
        }

        // In WAL a read transaction keeps the snapshot of its first read until it ends.
        public override DbTransaction BeginSnapshot(DbConnection connection) => connection.BeginTransaction();
    }

    private sealed class PostgresDialect : SqlDialect
    {
        /// <summary>Arbitrary keys for the advisory locks: one for the schema, and a namespace for 835 hashes.</summary>
        private const int SchemaLock = 0x5C12_0001;
        private const int RemittanceLocks = 0x5C12_0002;
        private const int ClaimLocks = 0x5C12_0003;

        public override string SchemaVersionTable =>
            "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

        public override string Translate(string sql) => sql
            .Replace("group_concat(", "string_agg(", StringComparison.Ordinal)
            .Replace("char(1114111)", "chr(1114111)", StringComparison.Ordinal)
            .Replace("a.rowid", "a.adjustment_id", StringComparison.Ordinal);

        public override void LockSchema(DbConnection connection, DbTransaction transaction) =>
            Sql.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@p0)", (long)SchemaLock);

        public override void LockRemittance(DbConnection connection, DbTransaction transaction, string sha256) =>
            Sql.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@p0, hashtext(@p1))", RemittanceLocks, sha256);

        public override void LockClaim(DbConnection connection, DbTransaction transaction, string claimId) =>
            Sql.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@p0, hashtext(@p1))", ClaimLocks, claimId);

        // READ COMMITTED, the default, would give each statement its own snapshot.
        public override DbTransaction BeginSnapshot(DbConnection connection) => connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
    }
}
