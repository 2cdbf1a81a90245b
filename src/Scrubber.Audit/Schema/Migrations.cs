namespace Scrubber.Audit.Schema;

/// <summary>The SQLite store's schema, as numbered migrations applied in order at start; a released one never changes.
/// A migration that moves data the SQL cannot (record bodies) names a step run in its transaction.</summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "scrubs", """
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
            CREATE INDEX scrubs_by_patient ON scrubs (patient_key, claim_id);

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
        new(2, "remittances", """
            CREATE TABLE remittance_files (
                file_id     INTEGER PRIMARY KEY,
                sha256      TEXT NOT NULL UNIQUE,
                name        TEXT NOT NULL,
                ingested_at TEXT NOT NULL,
                claims      INTEGER NOT NULL,
                lines       INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE remit_claims (
                remit_claim_id     INTEGER PRIMARY KEY,  -- file order across files: later rows supersede earlier ones
                file_id            INTEGER NOT NULL REFERENCES remittance_files (file_id),
                seq                INTEGER NOT NULL,
                claim_id           TEXT NOT NULL,        -- CLP01 as the payer sent it
                status             TEXT NOT NULL,        -- CLP02: 1/2/3 processed, 4 denied, 22 reversal, …
                charge_cents       INTEGER NOT NULL,
                paid_cents         INTEGER NOT NULL,
                payer_claim_number TEXT NOT NULL,        -- CLP07
                scrub_id           TEXT REFERENCES scrubs (scrub_id),  -- NULL: unmatched
                reversed_by        INTEGER REFERENCES remit_claims (remit_claim_id),
                paid_on            TEXT                  -- BPR16 payment date, YYYY-MM-DD
            ) STRICT;
            CREATE INDEX remit_claims_by_claim ON remit_claims (claim_id);

            CREATE TABLE remit_lines (
                remit_line_id       INTEGER PRIMARY KEY,
                remit_claim_id      INTEGER NOT NULL REFERENCES remit_claims (remit_claim_id),
                seq                 INTEGER NOT NULL,
                line_control_number TEXT NOT NULL,       -- REF*6R, '' when dropped
                code                TEXT NOT NULL,       -- SVC01-2 as adjudicated
                modifiers           TEXT NOT NULL,
                original_code       TEXT NOT NULL,       -- SVC06-2 when the payer changed the code, else ''
                service_date        TEXT,
                charge_cents        INTEGER NOT NULL,
                paid_cents          INTEGER NOT NULL,
                remarks             TEXT NOT NULL,       -- LQ*HE codes, space-separated
                scrub_id            TEXT,                -- the sent scrub and line it matched, NULL when unmatched
                line_id             TEXT,
                match_method        TEXT NOT NULL        -- line_control_number, code_modifiers_date_charge, code_date_charge, unmatched
            ) STRICT;
            CREATE INDEX remit_lines_by_scrub_line ON remit_lines (scrub_id, line_id);

            CREATE TABLE remit_adjustments (
                remit_claim_id INTEGER NOT NULL REFERENCES remit_claims (remit_claim_id),
                remit_line_id  INTEGER REFERENCES remit_lines (remit_line_id),  -- NULL: claim level
                group_code     TEXT NOT NULL,
                reason         TEXT NOT NULL,
                amount_cents   INTEGER NOT NULL,
                quantity       REAL
            ) STRICT;
            CREATE INDEX remit_adjustments_by_line ON remit_adjustments (remit_line_id);

            CREATE TABLE resolutions (
                resolution_id INTEGER PRIMARY KEY,
                scrub_id      TEXT NOT NULL REFERENCES scrubs (scrub_id),
                line_id       TEXT NOT NULL,
                status        TEXT NOT NULL,     -- corrected_claim_sent, appealed, recovered, written_off
                amount_cents  INTEGER,
                happened_on   TEXT NOT NULL,     -- YYYY-MM-DD
                note          TEXT NOT NULL,
                recorded_at   TEXT NOT NULL
            ) STRICT;
            CREATE INDEX resolutions_by_line ON resolutions (scrub_id, line_id);

            -- Each edit of a sent scrub, with its fate; and each edit an earlier scrub of the claim had that the sent
            -- one no longer has (resolved before sending).
            CREATE VIEW edit_fates AS
            SELECT s.claim_id, e.scrub_id, e.seq, e.edit_type, e.severity, e.line_id, e.related_line_id, e.related_claim_id,
                   e.column1, e.column2, e.modifier_indicator, e.source, e.rule, e.bypass_modifier,
                   CASE WHEN e.edit_type = 'NCCI_PTP_BYPASSED' THEN 'overridden_by_modifier'
                        WHEN e.severity = 'HardStop' THEN 'forced'
                        WHEN e.severity = 'Warning' THEN 'overridden_by_acceptance'
                        ELSE 'informational' END AS fate
            FROM claim_submissions c
            JOIN scrubs s ON s.scrub_id = c.scrub_id
            JOIN edits e ON e.scrub_id = s.scrub_id
            UNION ALL
            SELECT s.claim_id, MAX(e.scrub_id), MIN(e.seq), e.edit_type, MAX(e.severity), e.line_id, MAX(e.related_line_id),
                   MAX(e.related_claim_id), e.column1, e.column2, MAX(e.modifier_indicator), MAX(e.source), e.rule, '',
                   'resolved_before_sending'
            FROM claim_submissions c
            JOIN scrubs sent ON sent.scrub_id = c.scrub_id
            JOIN scrubs s ON s.claim_id = c.claim_id AND s.scrub_id <> c.scrub_id AND s.scrubbed_at < sent.scrubbed_at
            JOIN edits e ON e.scrub_id = s.scrub_id
            WHERE e.edit_type <> 'NCCI_PTP_BYPASSED'
              AND NOT EXISTS (SELECT 1 FROM edits x WHERE x.scrub_id = c.scrub_id AND x.edit_type = e.edit_type AND x.line_id = e.line_id
                              AND x.column1 = e.column1 AND x.column2 = e.column2 AND x.rule = e.rule)
            GROUP BY s.claim_id, e.edit_type, e.line_id, e.column1, e.column2, e.rule;

            -- The payer's latest word on each sent line: reversals and reversed payments do not count.
            CREATE VIEW line_outcomes AS
            SELECT l.scrub_id, l.line_id, l.remit_line_id, rc.claim_id, rc.status AS claim_status, rc.payer_claim_number,
                   l.charge_cents, l.paid_cents, l.match_method, rf.ingested_at, rc.paid_on,
                   CASE WHEN l.paid_cents > 0 THEN 'paid' ELSE 'denied' END AS outcome
            FROM remit_lines l
            JOIN remit_claims rc ON rc.remit_claim_id = l.remit_claim_id
            JOIN remittance_files rf ON rf.file_id = rc.file_id
            WHERE l.scrub_id IS NOT NULL AND rc.status <> '22' AND rc.reversed_by IS NULL
              AND l.remit_line_id = (SELECT MAX(l2.remit_line_id) FROM remit_lines l2 JOIN remit_claims rc2 ON rc2.remit_claim_id = l2.remit_claim_id
                                     WHERE l2.scrub_id = l.scrub_id AND l2.line_id = l.line_id AND rc2.status <> '22' AND rc2.reversed_by IS NULL);
            """),
        new(4, "staged remittances", """
            -- An 835 is written in chunks while scrubs keep committing between them, then published in one short
            -- transaction: until then its rows are invisible to reports and history (published = 0).
            ALTER TABLE remittance_files ADD COLUMN published INTEGER NOT NULL DEFAULT 1;
            CREATE INDEX remit_claims_by_file ON remit_claims (file_id);
            CREATE INDEX remit_lines_by_claim ON remit_lines (remit_claim_id);
            CREATE INDEX remit_adjustments_by_claim ON remit_adjustments (remit_claim_id);

            DROP VIEW line_outcomes;
            CREATE VIEW line_outcomes AS
            SELECT l.scrub_id, l.line_id, l.remit_line_id, rc.claim_id, rc.status AS claim_status, rc.payer_claim_number,
                   l.charge_cents, l.paid_cents, l.match_method, rf.ingested_at, rc.paid_on,
                   CASE WHEN l.paid_cents > 0 THEN 'paid' ELSE 'denied' END AS outcome
            FROM remit_lines l
            JOIN remit_claims rc ON rc.remit_claim_id = l.remit_claim_id
            JOIN remittance_files rf ON rf.file_id = rc.file_id
            WHERE l.scrub_id IS NOT NULL AND rf.published = 1 AND rc.status <> '22' AND rc.reversed_by IS NULL
              AND l.remit_line_id = (SELECT MAX(l2.remit_line_id) FROM remit_lines l2
                                     JOIN remit_claims rc2 ON rc2.remit_claim_id = l2.remit_claim_id
                                     JOIN remittance_files rf2 ON rf2.file_id = rc2.file_id
                                     WHERE l2.scrub_id = l.scrub_id AND l2.line_id = l.line_id AND rf2.published = 1
                                       AND rc2.status <> '22' AND rc2.reversed_by IS NULL);
            """),
        new(5, "history", """
            -- The claim lifecycle: an original, or a replacement or void of an earlier claim (CLM05-3, REF*F8).
            ALTER TABLE scrubs ADD COLUMN frequency TEXT NOT NULL DEFAULT 'Original';  -- Original, Replacement, Void
            ALTER TABLE scrubs ADD COLUMN original_claim_id TEXT NOT NULL DEFAULT '';
            ALTER TABLE scrubs ADD COLUMN payer_claim_control_number TEXT NOT NULL DEFAULT '';
            CREATE INDEX scrubs_by_original ON scrubs (original_claim_id) WHERE original_claim_id <> '';

            -- The payer took nothing of the line: it leaves history (NCCI pairs against services that stand).
            ALTER TABLE remit_lines ADD COLUMN denied_in_full INTEGER NOT NULL DEFAULT 0;
            UPDATE remit_lines SET denied_in_full = 1
            WHERE paid_cents <= 0 AND charge_cents > 0
              AND EXISTS (SELECT 1 FROM remit_adjustments a WHERE a.remit_line_id = remit_lines.remit_line_id
                          AND (a.group_code <> 'PR' OR a.reason IN ('97', '236', '234', '151', 'B15', '18', '4', '182')));

            -- What was sent, for cross-claim edits: the lines of each claim confirmed as sent or adjudicated by an 835,
            -- read by patient and date. A draft (scrubbed, never confirmed nor adjudicated) is not here.
            CREATE TABLE sent_lines (
                claim_id      TEXT NOT NULL,
                line_id       TEXT NOT NULL,
                scrub_id      TEXT NOT NULL REFERENCES scrubs (scrub_id),
                patient_key   TEXT NOT NULL,
                service_date  TEXT NOT NULL,
                billing_npi   TEXT NOT NULL,
                rendering_npi TEXT NOT NULL,
                code          TEXT NOT NULL,
                modifiers     TEXT NOT NULL,
                charge_cents  INTEGER NOT NULL,
                units         REAL NOT NULL,
                denied        INTEGER NOT NULL DEFAULT 0,  -- the latest 835 denied the line in full
                PRIMARY KEY (claim_id, line_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX sent_lines_by_patient_date ON sent_lines (patient_key, service_date);

            INSERT INTO sent_lines (claim_id, line_id, scrub_id, patient_key, service_date, billing_npi, rendering_npi, code, modifiers, charge_cents, units)
            SELECT s.claim_id, l.line_id, s.scrub_id, s.patient_key, l.service_date, s.billing_npi, l.rendering_npi, l.code, l.modifiers, l.charge_cents, l.units
            FROM claim_submissions c
            JOIN scrubs s ON s.scrub_id = c.scrub_id
            JOIN scrub_lines l ON l.scrub_id = s.scrub_id
            WHERE s.patient_key <> ''
              AND (c.confirmed_at IS NOT NULL OR EXISTS (SELECT 1 FROM remit_claims rc WHERE rc.scrub_id = s.scrub_id AND rc.status <> '22'));
            UPDATE sent_lines SET denied = 1
            WHERE EXISTS (SELECT 1 FROM remit_lines rl WHERE rl.scrub_id = sent_lines.scrub_id AND rl.line_id = sent_lines.line_id
                          AND rl.remit_line_id = (SELECT MAX(x.remit_line_id) FROM remit_lines x WHERE x.scrub_id = rl.scrub_id AND x.line_id = rl.line_id)
                          AND rl.denied_in_full = 1);
            """),
        new(6, "dashboard sessions", """
            -- Dashboard sign-ins, kept here rather than in one process's memory so that every replica on the store
            -- agrees on which are in force. The cookie carries a random session id; only its SHA-256 is stored, so a
            -- copy of the store cannot be replayed as a cookie. A session ends at expires_at, or when it is revoked:
            -- signed out, or its key removed from the settings (it stays ended if the key comes back).
            CREATE TABLE dashboard_sessions (
                session_hash TEXT PRIMARY KEY,   -- SHA-256 hex of the cookie's session id
                caller_hash  TEXT NOT NULL,      -- SHA-256 hex of the key that signed in, as the settings hold it
                caller_name  TEXT NOT NULL,
                created_at   TEXT NOT NULL,      -- ISO 8601 UTC
                expires_at   TEXT NOT NULL,      -- ISO 8601 UTC
                revoked_at   TEXT,               -- NULL: in force
                revoked_why  TEXT NOT NULL DEFAULT ''  -- signed_out, caller_removed
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX dashboard_sessions_by_caller ON dashboard_sessions (caller_hash) WHERE revoked_at IS NULL;
            CREATE INDEX dashboard_sessions_by_expiry ON dashboard_sessions (expires_at);
            """),
        new(7, "compact records", """
            -- One row per scrub, written in one statement: the lines and edits in a compact body, with each edit's
            -- message kept as a template named by id (record_templates) and the versions it ran with (record_versions).
            -- The rows of scrubs, scrub_lines and edits are derived from these for claims that are sent.
            CREATE TABLE scrub_records (
                scrub_id    TEXT PRIMARY KEY,
                claim_id    TEXT NOT NULL,
                scrubbed_at INTEGER NOT NULL,     -- UTC ticks (100 ns since 0001-01-01)
                body        BLOB NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX scrub_records_by_claim ON scrub_records (claim_id, scrubbed_at);

            CREATE TABLE record_templates (
                template_id    INTEGER PRIMARY KEY,  -- first 8 bytes of the SHA-256 of the other columns
                engine_version TEXT NOT NULL,
                edit_type      TEXT NOT NULL,
                source         TEXT NOT NULL,        -- table version, or pack id@version
                rule           TEXT NOT NULL,
                text           TEXT NOT NULL         -- the message, with {line}, {column1}, … where the edit's fields go
            ) STRICT;

            CREATE TABLE record_versions (
                versions_id    INTEGER PRIMARY KEY,
                engine_version TEXT NOT NULL,
                ncci_versions  TEXT NOT NULL,
                pack           TEXT NOT NULL
            ) STRICT;

            -- History reads sent_lines by patient; nothing reads scrubs by patient any more.
            DROP INDEX scrubs_by_patient;

            -- The dashboard's cookie-protection keys, shared by every process on the store so a session opened on one
            -- replica is read on another. Each row is one key as the data-protection system writes it (XML).
            CREATE TABLE data_protection_keys (
                name TEXT PRIMARY KEY,
                xml  TEXT NOT NULL
            ) STRICT;
            """, Records.LegacyRecords.MoveIn),
        RetentionSchema.For("TEXT"),
        TaxonomySchema.For("TEXT"),
        ReportFactsSchema.For("TEXT"),
        ReplacementsSchema.For(),
    ];
}

/// <summary>One numbered change of the schema: its SQL, then its data step if it has one, in one transaction.</summary>
internal sealed record Migration(int Version, string Name, string Sql, Action<System.Data.Common.DbConnection, System.Data.Common.DbTransaction>? Data = null);
