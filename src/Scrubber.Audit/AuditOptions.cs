using System.ComponentModel.DataAnnotations;

namespace Scrubber.Audit;

/// <summary>Where the audit store lives and how it writes; the <c>Audit</c> section of the settings.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Where the store lives: <c>Sqlite</c> (the default, a file under <see cref="Path"/>) or <c>Postgres</c>
    /// (the database <see cref="ConnectionString"/> names; several replicas may share it).</summary>
    public AuditProvider Provider { get; set; } = AuditProvider.Sqlite;

    /// <summary>For <c>Provider=Postgres</c>: the Npgsql connection string, e.g.
    /// <c>Host=db;Port=5432;Database=scrubber;Username=scrubber;Password=…</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The SQLite file. Default <c>App_Data/scrubber.db</c>, relative to the content root. Created, owner-only, at start.</summary>
    [Required]
    public string Path { get; set; } = "App_Data/scrubber.db";

    /// <summary>The secret for the patient key (HMAC-SHA256 of the patient id); at least 32 characters. The raw patient
    /// id is never stored. Changing it breaks cross-claim pairing with history recorded under the old one.</summary>
    public string PatientKeySecret { get; set; } = string.Empty;

    /// <summary>The most scrubs one group commit writes in one transaction. Default 512.</summary>
    [Range(1, 100_000)]
    public int MaxBatch { get; set; } = 512;

    /// <summary>Whether the latest scrub of each claim counts as sent for cross-claim edits without a confirmation
    /// (<c>Outcomes.ConfirmSubmission</c>) or an 835. Default false: a draft never pairs with another claim. Set it only
    /// for integrations that cannot confirm; abandoned drafts then draw false cross-claim edits.</summary>
    public bool CountUnconfirmedScrubs { get; set; }
}

/// <summary>The audit store's database.</summary>
public enum AuditProvider
{
    /// <summary>A SQLite file: the embedded default, one process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that several replicas share.</summary>
    Postgres,
}
