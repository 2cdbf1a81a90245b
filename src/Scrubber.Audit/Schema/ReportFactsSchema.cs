namespace Scrubber.Audit.Schema;

/// <summary>Schema 10, the same on both providers: one row of report facts per sent line with a remittance outcome
/// (<see cref="Reports.LineFacts"/>), indexed by day (and its denials and overrides apart), so the reports group in SQL
/// and read the days they cover; totals by month and by pattern for the reports that count every line; and the queue
/// of claims an 835 changed whose facts are still to rebuild. The data step fills them for the outcomes already stored.</summary>
internal static class ReportFactsSchema
{
    public static Migration For(string text) => new(10, "report facts", $$"""
        CREATE TABLE line_facts (
            claim_id          {{text}} NOT NULL,
            line_id           {{text}} NOT NULL,
            day               {{text}} NOT NULL,   -- the outcome's day: the payment date, else the day its 835 came in
            week              {{text}} NOT NULL,   -- its ISO week, e.g. 2026-W33
            payer_id          {{text}} NOT NULL,
            provider          {{text}} NOT NULL,   -- the rendering NPI, else the billing NPI
            code              {{text}} NOT NULL,
            modifiers         {{text}} NOT NULL,
            units             DOUBLE PRECISION NOT NULL,
            charge_cents      BIGINT NOT NULL,
            paid              BIGINT NOT NULL,     -- 1: the payer paid the line
            family            {{text}},            -- the denial family; NULL: not denied
            group_code        {{text}} NOT NULL,   -- CO, PR, OA, PI; '' when not denied
            denied_cents      BIGINT NOT NULL,
            edit_type         {{text}},            -- the edit that caught the denial (or stood on a line not denied); NULL: none
            column1           {{text}},
            column2           {{text}},
            modifier_indicator BIGINT,
            source            {{text}},
            rule              {{text}},
            bypass_modifier   {{text}},
            fate              {{text}},            -- overridden_by_modifier, overridden_by_acceptance, forced
            same_day_codes    {{text}} NOT NULL,   -- the claim's other codes on the line's date, space-separated
            resolution        {{text}},            -- the latest resolution step; NULL: unworked
            resolved_on       {{text}},
            written_off_cents BIGINT NOT NULL,
            recovered_cents   BIGINT NOT NULL,
            pair_column1      {{text}} NOT NULL,   -- what the reports key the line by: its edit's pair, else ('', its code)
            pair_column2      {{text}} NOT NULL,
            edit_column1      {{text}},            -- the columns and modifier its override is reported under; NULL: no edit
            edit_column2      {{text}},
            modifier_used     {{text}},
            root_cause        {{text}},            -- of a denial; NULL when not denied
            indicator         {{text}},
            preventable       BIGINT NOT NULL,     -- 1: foreseeable before sending (written off as preventable)
            PRIMARY KEY (claim_id, line_id)
        );
        CREATE INDEX line_facts_by_day ON line_facts (day);
        -- Denials, and lines whose edit was overridden, are a few in a hundred: the reports about them read these
        -- indexes alone, a range of weeks or the whole of them, in the order the weekly and overridden rows group by,
        -- so the whole store reads its denials in one pass, not every line.
        CREATE INDEX line_facts_denials ON line_facts (week, family, pair_column1, pair_column2, payer_id, provider, group_code,
            indicator, root_cause, resolution, day, denied_cents, units, same_day_codes, edit_type, resolved_on, recovered_cents,
            written_off_cents, preventable, code, modifiers, claim_id, line_id) WHERE family IS NOT NULL;
        CREATE INDEX line_facts_overrides ON line_facts (week, edit_column1, edit_column2, payer_id, provider, modifier_used, fate,
            family, group_code, paid, day, denied_cents) WHERE fate IS NOT NULL;

        -- What the reports that count every line count, kept per payer and provider for when they keep to no days.
        CREATE TABLE month_totals (
            payer_id     {{text}} NOT NULL,
            provider     {{text}} NOT NULL,
            month        {{text}} NOT NULL,   -- YYYY-MM of the outcome's day
            family       {{text}} NOT NULL,   -- '' when not denied
            paid         BIGINT NOT NULL,
            lines        BIGINT NOT NULL,
            denied_cents BIGINT NOT NULL,
            charge_cents BIGINT NOT NULL,
            PRIMARY KEY (payer_id, provider, month, family, paid)
        );
        CREATE TABLE pattern_totals (
            payer_id           {{text}} NOT NULL,
            provider           {{text}} NOT NULL,
            pair_column1       {{text}} NOT NULL,
            pair_column2       {{text}} NOT NULL,
            code               {{text}} NOT NULL,
            family             {{text}} NOT NULL,   -- '' when not denied
            group_code         {{text}} NOT NULL,
            paid               BIGINT NOT NULL,
            fate               {{text}} NOT NULL,   -- '' when no edit stood on the line
            modifier_indicator BIGINT NOT NULL,     -- -1 when none
            lines              BIGINT NOT NULL,
            PRIMARY KEY (payer_id, provider, pair_column1, pair_column2, code, family, group_code, paid, fate, modifier_indicator)
        );

        CREATE TABLE line_facts_pending (
            claim_id {{text}} PRIMARY KEY
        );
        """, Reports.LineFacts.Backfill);
}
