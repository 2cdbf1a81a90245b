namespace Scrubber.Audit.Schema;

/// <summary>Schema 8, the same on both providers: each remittance claim keeps the day its outcome counts on (the
/// payment date, else the day the file came in), indexed, so a report reads only the days it covers; every foreign key
/// is indexed on its referencing side, so deletes follow the rows they delete; and a purge keeps what it removes as
/// weekly aggregates.</summary>
internal static class RetentionSchema
{
    public static Migration For(string text) => new(8, "outcome days and retention", $$"""
        ALTER TABLE remit_claims ADD COLUMN outcome_day {{text}};
        UPDATE remit_claims SET outcome_day = COALESCE(paid_on,
            (SELECT substr(f.ingested_at, 1, 10) FROM remittance_files f WHERE f.file_id = remit_claims.file_id));
        CREATE INDEX remit_claims_by_day ON remit_claims (outcome_day);
        -- Reports ask whether a replacement was answered, and a purge which scrubs an outcome still holds.
        CREATE INDEX IF NOT EXISTS remit_claims_by_scrub ON remit_claims (scrub_id);

        -- Deleting a row checks every foreign key that names it: without these, each remittance claim dropped (a
        -- staged 835 abandoned or expired, a purge) or scrub purged read the whole of remit_claims, sent_lines or
        -- claim_submissions, and a service stopped mid-ingest on a large store took hours to start again.
        CREATE INDEX remit_claims_by_reversal ON remit_claims (reversed_by) WHERE reversed_by IS NOT NULL;
        CREATE INDEX sent_lines_by_scrub ON sent_lines (scrub_id);
        CREATE INDEX claim_submissions_by_scrub ON claim_submissions (scrub_id);

        DROP VIEW line_outcomes;
        CREATE VIEW line_outcomes AS
        SELECT l.scrub_id, l.line_id, l.remit_line_id, l.remit_claim_id, rc.claim_id, rc.status AS claim_status, rc.payer_claim_number,
               l.charge_cents, l.paid_cents, l.match_method, rf.ingested_at, rc.paid_on, rc.outcome_day AS day,
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

        -- What a purge removed, kept for the weekly report: denied lines counted by week (its Monday), payer, provider,
        -- family and the rest of what a weekly row is made of, so rows from here and from live lines add up exactly.
        CREATE TABLE weekly_aggregates (
            week          {{text}} NOT NULL,   -- ISO week, e.g. 2026-W33
            monday        {{text}} NOT NULL,   -- its first day, YYYY-MM-DD
            payer_id      {{text}} NOT NULL,
            provider      {{text}} NOT NULL,
            family        {{text}} NOT NULL,
            group_code    {{text}} NOT NULL,
            column1       {{text}} NOT NULL,   -- '' when no edit named a pair
            denied_code   {{text}} NOT NULL,
            indicator     {{text}} NOT NULL,
            root_cause    {{text}} NOT NULL,
            resolution    {{text}} NOT NULL,   -- the latest step, or 'unworked'
            occurrences   BIGINT NOT NULL,
            denied_cents  BIGINT NOT NULL,
            max_units     DOUBLE PRECISION NOT NULL,
            context_codes {{text}} NOT NULL    -- space-separated
        );
        CREATE INDEX weekly_aggregates_by_monday ON weekly_aggregates (monday);

        -- Each purge, for the record: what it was asked and what it removed.
        CREATE TABLE purges (
            purged_at  {{text}} NOT NULL,
            before_day {{text}} NOT NULL,
            scrubs     BIGINT NOT NULL,
            outcomes   BIGINT NOT NULL,
            aggregated BIGINT NOT NULL
        );
        """);
}
