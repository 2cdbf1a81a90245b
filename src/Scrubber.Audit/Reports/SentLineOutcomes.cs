using System.Data.Common;
using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Reports;

/// <summary>Reads sent lines that have a remittance outcome, with their denial family and the edit the scrubber left on
/// them, from the rows they come from: the source of truth the report facts (<see cref="LineFacts"/>) are derived from.</summary>
/// <remarks>Each read takes the lines of some claims (a refresh of their facts), of some remittance claims (a purge's
/// batch), or of some days (to check the facts against); the reports themselves read the facts.</remarks>
internal static class SentLineOutcomes
{
    private const string CorrectedClaimSent = "corrected_claim_sent";

    private const string ByDays = "o.day BETWEEN @p0 AND @p1 AND (@p2 = '' OR s.payer_id = @p2) AND (@p3 = '' OR COALESCE(NULLIF(sl.rendering_npi, ''), s.billing_npi) = @p3)";

    // The edit types are the constants of EditFamilies.Reported, never input: written into the text once.
    private static readonly string DaysSql = Text(SqlTemplate, ByDays);
    private static readonly string BatchSql = Text(SqlTemplate, ByDays + " AND o.remit_claim_id BETWEEN @p4 AND @p5");
    private static readonly ClaimStatement ClaimsSql = new(Text(SqlTemplate, "s.claim_id IN $claims"));
    private static readonly string DaysAdjustments = Text(AdjustmentsTemplate, "o.day BETWEEN @p0 AND @p1");
    private static readonly string BatchAdjustments = Text(AdjustmentsTemplate, "o.day BETWEEN @p0 AND @p1 AND o.remit_claim_id BETWEEN @p2 AND @p3");
    private static readonly ClaimStatement ClaimsAdjustments = new(Text(AdjustmentsTemplate, "s.claim_id IN $claims"));

    private static string Text(string template, string where) => template
        .Replace("$reported_types", string.Join(", ", EditFamilies.Reported.Select(t => $"'{t}'")), StringComparison.Ordinal)
        .Replace("$where", where, StringComparison.Ordinal);

    private const string SqlTemplate = """
        SELECT s.claim_id, o.line_id, s.payer_id, COALESCE(NULLIF(sl.rendering_npi, ''), s.billing_npi), sl.code, sl.modifiers,
               o.day, o.outcome, o.remit_line_id, rl.remarks,
               f.edit_type, f.column1, f.column2, f.modifier_indicator, f.source, f.rule, f.bypass_modifier,
               CASE WHEN f.edit_type = 'NCCI_PTP_BYPASSED' THEN 'overridden_by_modifier' WHEN f.severity = 'HardStop' THEN 'forced'
                    ELSE 'overridden_by_acceptance' END,
               o.charge_cents, o.paid_cents,
               (SELECT r.status FROM resolutions r WHERE r.scrub_id = o.scrub_id AND r.line_id = o.line_id ORDER BY r.happened_on DESC, r.resolution_id DESC LIMIT 1),
               (SELECT r.happened_on FROM resolutions r WHERE r.scrub_id = o.scrub_id AND r.line_id = o.line_id ORDER BY r.happened_on DESC, r.resolution_id DESC LIMIT 1),
               (SELECT CAST(COALESCE(SUM(r.amount_cents), 0) AS BIGINT) FROM resolutions r WHERE r.scrub_id = o.scrub_id AND r.line_id = o.line_id AND r.status = 'written_off'),
               (SELECT CAST(COALESCE(SUM(r.amount_cents), 0) AS BIGINT) FROM resolutions r WHERE r.scrub_id = o.scrub_id AND r.line_id = o.line_id AND r.status = 'recovered'),
               (SELECT group_concat(x.code, ' ') FROM scrub_lines x WHERE x.scrub_id = o.scrub_id AND x.service_date = sl.service_date AND x.line_id <> sl.line_id),
               (SELECT MIN(substr(COALESCE(c.confirmed_at, x.scrubbed_at), 1, 10)) FROM scrubs x
                LEFT JOIN claim_submissions c ON c.claim_id = x.claim_id AND c.scrub_id = x.scrub_id
                WHERE x.original_claim_id = s.claim_id AND x.original_claim_id <> '' AND x.frequency = 'Replacement' AND x.scrub_id <> s.scrub_id AND x.scrubbed_at > s.scrubbed_at
                  AND (c.confirmed_at IS NOT NULL OR EXISTS (SELECT 1 FROM remit_claims rc JOIN remittance_files rf ON rf.file_id = rc.file_id
                                                              WHERE rc.scrub_id = x.scrub_id AND rc.status <> '22' AND rf.published = 1))),
               sl.units
        FROM line_outcomes o
        JOIN scrubs s ON s.scrub_id = o.scrub_id
        JOIN scrub_lines sl ON sl.scrub_id = o.scrub_id AND sl.line_id = o.line_id
        JOIN remit_lines rl ON rl.remit_line_id = o.remit_line_id
        LEFT JOIN edits f ON f.scrub_id = o.scrub_id AND f.line_id = o.line_id
             AND (f.edit_type = 'NCCI_PTP_BYPASSED' OR f.severity IN ('HardStop', 'Warning'))
             AND (f.edit_type IN ($reported_types) OR f.rule <> '')
             AND EXISTS (SELECT 1 FROM claim_submissions c WHERE c.claim_id = s.claim_id AND c.scrub_id = f.scrub_id)
        WHERE $where
        ORDER BY s.claim_id, o.line_id
        """;

    // Each line's adjustments are taken in the order the 835 gave them (the first of a family decides its group), by
    // the key they were written with. That order is put back in memory: asked of the query, SQLite reads every
    // adjustment in key order instead of the few of the lines read.
    private const string AdjustmentsTemplate = """
        SELECT a.remit_line_id, a.group_code, a.reason, a.amount_cents, a.rowid FROM remit_adjustments a
        JOIN line_outcomes o ON o.remit_line_id = a.remit_line_id
        JOIN scrubs s ON s.scrub_id = o.scrub_id
        WHERE $where
        """;

    /// <summary>One row per sent line with an outcome in the filter's days, payer and provider (a purge's batch: of the
    /// remittance claims in <paramref name="remitClaims"/>), in claim and line order.</summary>
    /// <param name="connection">A connection to the store.</param>
    /// <param name="filter">The days, payer and provider to read; its families are left to the reports.</param>
    /// <param name="transaction">The transaction to read in; one of its own when null.</param>
    /// <param name="remitClaims">Only lines of remittance claims with ids in this range (a purge's batch).</param>
    public static List<DeniedLine> Read(DbConnection connection, ReportFilter filter, DbTransaction? transaction = null, (long First, long Last)? remitClaims = null)
    {
        using var own = transaction is null ? connection.BeginTransaction() : null;
        transaction ??= own!;
        var (from, to) = (filter.From is { } f ? Dates.Text(f) : Dates.First, filter.To is { } t ? Dates.Text(t) : Dates.Last);
        var (payer, provider) = (filter.PayerId ?? string.Empty, filter.Provider ?? string.Empty);
        using var adjustments = remitClaims is { } range
            ? Sql.Command(connection, transaction, BatchAdjustments, from, to, range.First, range.Last)
            : Sql.Command(connection, transaction, DaysAdjustments, from, to);
        using var lines = remitClaims is { } batch
            ? Sql.Command(connection, transaction, BatchSql, from, to, payer, provider, batch.First, batch.Last)
            : Sql.Command(connection, transaction, DaysSql, from, to, payer, provider);
        return Build(lines, ReadAdjustments(adjustments));
    }

    /// <summary>The lines of the claims <paramref name="listed"/> as <see cref="LineFacts.Listed"/> lists them,
    /// whatever their days, by the writer's prepared statements.</summary>
    public static List<DeniedLine> ReadClaims(DbConnection connection, DbTransaction transaction, PreparedStatements statements, object?[] listed)
    {
        var adjustments = ClaimsAdjustments.For(connection, transaction, statements, listed);
        var lines = ClaimsSql.For(connection, transaction, statements, listed);
        for (var i = 0; i < listed.Length; i++)
        {
            (adjustments.Parameters[i].Value, lines.Parameters[i].Value) = (listed[i], listed[i]);
        }

        return Build(lines, ReadAdjustments(adjustments));
    }

    /// <summary>One line per claim and line id. A line with several edits keeps the one that caught its denial
    /// (<see cref="EditFamilies.Catches"/>): an edit of the denial's own family first, then an NCCI PTP or payer-rule
    /// edit, each by its most severe fate; an edit of another family is not kept (the denial was missed). A line not
    /// denied keeps its NCCI PTP or payer-rule edit first, else its edit of one family, so the success of an override
    /// counts its paid lines too.</summary>
    private static List<DeniedLine> Build(DbCommand query, Dictionary<long, List<(string Group, string Reason, long Cents)>> adjustments)
    {
        using var reader = query.ExecuteReader();
        var lines = new Dictionary<(string, string), DeniedLine>();
        while (reader.Read())
        {
            var edit = reader.IsDBNull(10) ? null : new LineEdit(
                reader.GetString(10), reader.GetString(11), reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetInt32(13),
                reader.GetString(14), reader.GetString(15), reader.GetString(16), reader.GetString(17));
            var charge = reader.GetInt64(18);
            var paid = reader.GetInt64(19);
            var lineAdjustments = adjustments.GetValueOrDefault(reader.GetInt64(8)) ?? [];
            var denial = DenialFamilies.OfLine([.. lineAdjustments.Select(a => (a.Group, a.Reason))],
                reader.GetString(9).Split(' ', StringSplitOptions.RemoveEmptyEntries), paidNothing: paid <= 0 && charge > 0);
            // A replacement sent for the claim works its denials even when nobody recorded the step by hand.
            var replacedOn = reader.IsDBNull(25) ? (DateOnly?)null : Dates.Day(reader.GetString(25));
            var resolution = reader.IsDBNull(20) ? null : reader.GetString(20);
            var resolvedOn = reader.IsDBNull(21) ? (DateOnly?)null : Dates.Day(reader.GetString(21));
            if (denial is not null && replacedOn is { } replaced && (resolvedOn is null || replaced > resolvedOn))
            {
                (resolution, resolvedOn) = (CorrectedClaimSent, replaced);
            }

            var line = new DeniedLine(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                Dates.Day(reader.GetString(6)),
                reader.GetString(7) == "paid", denial?.Family, denial?.Group ?? string.Empty,
                DeniedCents(denial?.Family, lineAdjustments, reader.GetString(9), charge, paid),
                edit is not null && EditFamilies.Catches(edit.EditType, edit.Rule.Length > 0, denial?.Family) ? edit : null)
            {
                ChargeCents = charge,
                Resolution = resolution,
                ResolvedOn = resolvedOn,
                WrittenOffCents = reader.GetInt64(22),
                RecoveredCents = reader.GetInt64(23),
                SameDayCodes = reader.IsDBNull(24) ? [] : reader.GetString(24).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Units = reader.GetDouble(26),
            };
            var key = (line.ClaimId, line.LineId);
            if (!lines.TryGetValue(key, out var seen) || Score(line.Edit, line.Family) > Score(seen.Edit, seen.Family))
            {
                lines[key] = line;
            }
        }

        return [.. lines.Values];
    }

    /// <summary>The dollars a denial cost: the adjustments of its family; for "other", what was charged and not paid.</summary>
    private static long DeniedCents(string? family, List<(string Group, string Reason, long Cents)> adjustments, string remarks, long charge, long paid)
    {
        if (family is null)
        {
            return 0;
        }

        if (family == DenialFamilies.Other)
        {
            return Math.Max(0, charge - paid);
        }

        var remarkList = remarks.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return adjustments.Where(a => DenialFamilies.Of(a.Reason, remarkList) == family).Sum(a => a.Cents);
    }

    private static Dictionary<long, List<(string Group, string Reason, long Cents)>> ReadAdjustments(DbCommand query) =>
        Sql.Rows(query, r => (LineId: r.GetInt64(0), Key: r.GetInt64(4), Adjustment: (r.GetString(1), r.GetString(2), r.GetInt64(3))))
            .OrderBy(r => r.Key).GroupBy(r => r.LineId).ToDictionary(g => g.Key, g => g.Select(r => r.Adjustment).ToList());

    /// <summary>How well an edit accounts for the line's outcome; -1 for none.</summary>
    private static int Score(LineEdit? edit, string? family) => edit is null ? -1
        : (EditFamilies.Of(edit.EditType) is null || edit.Rule.Length > 0 ? 1 : family is null ? 0 : 2) * 10 + Rank(edit);

    private static int Rank(LineEdit edit) => edit.Fate switch
    {
        "forced" => 3,
        "overridden_by_acceptance" => 2,
        "overridden_by_modifier" => 1,
        _ => 0,
    };
}
