using System.Collections.Immutable;
using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Records;

/// <summary>Moves the scrubs of a store written before compact records into <c>scrub_records</c>, each with its words
/// as they were sent (the message of each edit becomes its template). The relational rows stay: they are what the
/// derived rows of a sent claim would be.</summary>
internal static class LegacyRecords
{
    /// <summary>The engine version the moved templates are kept under.</summary>
    public const string EngineVersion = "before-compact-records";

    private const string Scrubs =
        "SELECT scrub_id, scrubbed_at, claim_id, payer_id, billing_npi, patient_key, setting, disposition, ncci_versions, pack, " +
        "frequency, original_claim_id, payer_claim_control_number FROM scrubs ORDER BY scrub_id";

    private const string Lines =
        "SELECT scrub_id, line_id, code, modifiers, service_date, rendering_npi, charge_cents, units FROM scrub_lines ORDER BY scrub_id, seq";

    private const string Edits =
        "SELECT scrub_id, edit_type, severity, line_id, related_line_id, related_claim_id, column1, column2, modifier_indicator, source, rule, " +
        "bypass_modifier, message FROM edits ORDER BY scrub_id, seq";

    private const string Insert = "INSERT INTO scrub_records (scrub_id, claim_id, scrubbed_at, body) VALUES (@p0, @p1, @p2, @p3)";

    public static void MoveIn(DbConnection connection, DbTransaction transaction)
    {
        var dictionary = new RecordDictionary();
        using var statements = new PreparedStatements();
        using var scrubs = Sql.Command(connection, transaction, Scrubs);
        using var lineRows = Sql.Command(connection, transaction, Lines);
        using var editRows = Sql.Command(connection, transaction, Edits);
        using var scrubReader = scrubs.ExecuteReader();
        using var lines = new Cursor(lineRows.ExecuteReader());
        using var edits = new Cursor(editRows.ExecuteReader());
        while (scrubReader.Read())
        {
            var id = scrubReader.GetString(0);
            var scrubLines = lines.TakeFor(id, r => new StoredLine(r.GetString(1), r.GetString(2), r.GetString(3), Dates.Day(r.GetString(4)),
                r.GetString(5), r.GetInt64(6), r.GetDouble(7)));
            var scrubEdits = edits.TakeFor(id, r => new StoredEdit(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetInt32(8), r.GetString(9), r.GetString(10), r.GetString(11), r.GetString(12)));
            var at = Dates.Instant(scrubReader.GetString(1));
            var scrub = new StoredScrub(id, at, scrubReader.GetString(2), scrubReader.GetString(3), scrubReader.GetString(4), scrubReader.GetString(5),
                scrubReader.GetString(6), scrubReader.GetString(7), scrubReader.GetString(10), scrubReader.GetString(11), scrubReader.GetString(12),
                scrubReader.GetString(8), scrubReader.GetString(9), scrubLines, scrubEdits);
            var (body, versions, templates) = CompactRecord.Encode(scrub, EngineVersion);
            dictionary.Store(connection, transaction, statements, versions, templates);
            PreparedStatements.Run(statements.For(connection, transaction, Insert, 4), id, scrub.ClaimId, at.UtcTicks, body);
        }
    }

    /// <summary>Rows ordered by scrub id, read alongside the scrubs in the same order.</summary>
    private sealed class Cursor(DbDataReader reader) : IDisposable
    {
        private bool _has = reader.Read();

        public ImmutableArray<T> TakeFor<T>(string scrubId, Func<DbDataReader, T> row)
        {
            var rows = ImmutableArray.CreateBuilder<T>();
            while (_has && string.CompareOrdinal(reader.GetString(0), scrubId) <= 0)
            {
                if (reader.GetString(0) == scrubId)
                {
                    rows.Add(row(reader));
                }

                _has = reader.Read();
            }

            return rows.ToImmutable();
        }

        public void Dispose() => reader.Dispose();
    }
}
