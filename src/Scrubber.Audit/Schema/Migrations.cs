namespace Scrubber.Audit.Schema;

/// <summary>The store's schema, as numbered migrations applied in order at start; a released one never changes.</summary>
internal static class Migrations
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } =
    [
        (1, "scrubs", """
            CREATE TABLE scrubs (
                scrub_id      TEXT PRIMARY KEY,
                scrubbed_at   TEXT NOT NULL,     -- ISO 8601 UTC
                claim_id      TEXT NOT NULL,
                payer_id      TEXT NOT NULL,
                billing_npi   TEXT NOT NULL,
                patient_key   TEXT NOT NULL,     -- HMAC-SHA256 of the patient id; '' when none was sent
                setting       TEXT NOT NULL,
                disposition   TEXT NOT NULL,
                ncci_versions TEXT NOT NULL,
                pack          TEXT NOT NULL      -- id@version, '' when the payer has none
            ) STRICT;
            CREATE INDEX scrubs_by_claim ON scrubs (claim_id, scrubbed_at);
            CREATE INDEX scrubs_by_patient ON scrubs (patient_key) WHERE patient_key <> '';

            CREATE TABLE scrub_lines (
                scrub_id      TEXT NOT NULL REFERENCES scrubs (scrub_id),
                line_id       TEXT NOT NULL,
                seq           INTEGER NOT NULL,
                code          TEXT NOT NULL,
                modifiers     TEXT NOT NULL,     -- space-separated, 837 order
                service_date  TEXT NOT NULL,     -- YYYY-MM-DD
                rendering_npi TEXT NOT NULL,
                charge_cents  INTEGER NOT NULL,
                units         REAL NOT NULL,
                PRIMARY KEY (scrub_id, line_id)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE edits (
                scrub_id           TEXT NOT NULL REFERENCES scrubs (scrub_id),
                seq                INTEGER NOT NULL,
                edit_type          TEXT NOT NULL,
                severity           TEXT NOT NULL,   -- Info, Warning, HardStop
                line_id            TEXT NOT NULL,
                related_line_id    TEXT NOT NULL,
                related_claim_id   TEXT NOT NULL,
                column1            TEXT NOT NULL,
                column2            TEXT NOT NULL,
                modifier_indicator INTEGER,
                source             TEXT NOT NULL,   -- table version, or pack id@version/rule
                rule               TEXT NOT NULL,
                bypass_modifier    TEXT NOT NULL,
                message            TEXT NOT NULL,
                PRIMARY KEY (scrub_id, seq)
            ) STRICT, WITHOUT ROWID;

            -- The scrub of each claim that counts as sent: the confirmed one, else the latest.
            CREATE TABLE claim_submissions (
                claim_id     TEXT PRIMARY KEY,
                scrub_id     TEXT NOT NULL REFERENCES scrubs (scrub_id),
                confirmed_at TEXT                 -- NULL: not confirmed, the latest scrub counts
            ) STRICT;
            """),
    ];
}
