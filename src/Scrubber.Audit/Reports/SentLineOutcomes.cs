using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Scrubber.Audit.Reports;

/// <summary>Reads every sent line that has a remittance outcome, with the edit the scrubber left on it.</summary>
/// <remarks>The reports aggregate these rows in memory: a year of a practice's remittances is some hundred thousand
/// lines, and grouping in C# keeps each report's rules in one readable place.</remarks>
internal static class SentLineOutcomes
{
    private const string Sql = """
        SELECT s.claim_id, o.line_id, s.payer_id, COALESCE(NULLIF(sl.rendering_npi, ''), s.billing_npi), sl.code, sl.modifiers,
               COALESCE(o.paid_on, substr(o.ingested_at, 1, 10)), o.outcome,
               (SELECT COUNT(*) FROM remit_adjustments a WHERE a.remit_line_id = o.remit_line_id AND a.reason IN ('97', '236')),
               (SELECT COALESCE(SUM(a.amount_cents), 0) FROM remit_adjustments a WHERE a.remit_line_id = o.remit_line_id AND a.reason IN ('97', '236')),
               f.edit_type, f.column1, f.column2, f.modifier_indicator, f.source, f.rule, f.bypass_modifier, f.fate,
               o.charge_cents,
               (SELECT x.code FROM scrub_lines x WHERE x.scrub_id = o.scrub_id AND x.service_date = sl.service_date AND x.line_id <> sl.line_id
                ORDER BY x.charge_cents DESC LIMIT 1),
               (SELECT r.status FROM resolutions r WHERE r.scrub_id = o.scrub_id AND r.line_id = o.line_id ORDER BY r.happened_on DESC, r.resolution_id DESC LIMIT 1),
               (SELECT r.happened_on FROM resolutions r WHERE r.scrub_id = o.scrub_id AND r.line_id = o.line_id ORDER BY r.happened_on DESC, r.resolution_id DESC LIMIT 1),
               (SELECT COALESCE(SUM(r.amount_cents), 0) FROM resolutions r WHERE r.scrub_id = o.scrub_id AND r.line_id = o.line_id AND r.status = 'written_off'),
               (SELECT COALESCE(SUM(r.amount_cents), 0) FROM resolutions r WHERE r.scrub_id = o.scrub_id AND r.line_id = o.line_id AND r.status = 'recovered'),
               (SELECT group_concat(x.code, ' ') FROM scrub_lines x WHERE x.scrub_id = o.scrub_id AND x.service_date = sl.service_date AND x.line_id <> sl.line_id)
        FROM line_outcomes o
        JOIN scrubs s ON s.scrub_id = o.scrub_id
        JOIN scrub_lines sl ON sl.scrub_id = o.scrub_id AND sl.line_id = o.line_id
        LEFT JOIN edit_fates f ON f.scrub_id = o.scrub_id AND f.line_id = o.line_id
             AND f.fate IN ('overridden_by_modifier', 'overridden_by_acceptance', 'forced')
             AND (f.edit_type IN ('NCCI_PTP', 'NCCI_PTP_BYPASSED') OR f.rule <> '')
        ORDER BY s.claim_id, o.line_id
        """;

    /// <summary>One row per sent line with an outcome; a line with several edits keeps the most severe fate.</summary>
    public static List<DeniedLine> Read(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        using var reader = command.ExecuteReader();
        var lines = new Dictionary<(string, string), DeniedLine>();
        while (reader.Read())
        {
            var edit = reader.IsDBNull(10) ? null : new LineEdit(
                reader.GetString(10), reader.GetString(11), reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetInt32(13),
                reader.GetString(14), reader.GetString(15), reader.GetString(16), reader.GetString(17));
            var line = new DeniedLine(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(7) == "paid", reader.GetInt64(8) > 0, reader.GetInt64(9), edit)
            {
                ChargeCents = reader.GetInt64(18),
                OtherCode = reader.IsDBNull(19) ? null : reader.GetString(19),
                Resolution = reader.IsDBNull(20) ? null : reader.GetString(20),
                ResolvedOn = reader.IsDBNull(21) ? null : DateOnly.ParseExact(reader.GetString(21), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                WrittenOffCents = reader.GetInt64(22),
                RecoveredCents = reader.GetInt64(23),
                SameDayCodes = reader.IsDBNull(24) ? [] : reader.GetString(24).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            };
            var key = (line.ClaimId, line.LineId);
            if (!lines.TryGetValue(key, out var seen) || Rank(edit) > Rank(seen.Edit))
            {
                lines[key] = line;
            }
        }

        return [.. lines.Values];
    }

    private static int Rank(LineEdit? edit) => edit?.Fate switch
    {
        "forced" => 3,
        "overridden_by_acceptance" => 2,
        "overridden_by_modifier" => 1,
        _ => 0,
    };
}
