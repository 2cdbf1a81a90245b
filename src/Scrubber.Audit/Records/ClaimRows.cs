using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Records;

/// <summary>The relational rows of a claim's scrubs (<c>scrubs</c>, <c>scrub_lines</c>, <c>edits</c>), which history and
/// the reports join on. They are derived from the compact records only for claims that were sent (confirmed, or
/// adjudicated by an 835), in the transaction that makes them sent, so a draft costs one row and nothing more.</summary>
internal static class ClaimRows
{
    /// <summary>The claim's records whose rows are not written yet: a claim sent before (confirmed, then adjudicated)
    /// decodes only the scrubs made since.</summary>
    private const string RecordsOf =
        "SELECT r.scrub_id, r.scrubbed_at, r.body FROM scrub_records r WHERE r.claim_id = @p0 " +
        "AND NOT EXISTS (SELECT 1 FROM scrubs s WHERE s.scrub_id = r.scrub_id) ORDER BY r.scrubbed_at";

    private const string InsertScrub =
        "INSERT INTO scrubs (scrub_id, scrubbed_at, claim_id, payer_id, billing_npi, patient_key, setting, disposition, ncci_versions, pack, " +
        "frequency, original_claim_id, payer_claim_control_number) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12) " +
        "ON CONFLICT (scrub_id) DO NOTHING";

    private const string InsertLine =
        "INSERT INTO scrub_lines (scrub_id, line_id, seq, code, modifiers, service_date, rendering_npi, charge_cents, units, taxonomy) " +
        "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)";

    // The message is rendered from the record when it is read (AuditStore.ReadScrub); these rows never keep words.
    private const string InsertEdit =
        "INSERT INTO edits (scrub_id, seq, edit_type, severity, line_id, related_line_id, related_claim_id, column1, column2, " +
        "modifier_indicator, source, rule, bypass_modifier, message) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, '')";

    /// <summary>Writes the rows of every scrub of <paramref name="claimId"/> that has none yet (the insert still skips
    /// one another replica wrote meanwhile).</summary>
    public static void Derive(DbConnection connection, DbTransaction transaction, PreparedStatements statements, RecordDictionary dictionary, string claimId)
    {
        var records = PreparedStatements.Rows(statements.For(connection, transaction, RecordsOf, 1),
            r => (Id: r.GetString(0), At: r.GetInt64(1), Body: (byte[])r.GetValue(2)), claimId);
        foreach (var (id, at, body) in records)
        {
            Write(connection, transaction, statements, dictionary.Decode(connection, transaction, id, claimId, at, body));
        }
    }

    private static void Write(DbConnection connection, DbTransaction transaction, PreparedStatements statements, StoredScrub scrub)
    {
        if (PreparedStatements.Run(statements.For(connection, transaction, InsertScrub, 13),
                scrub.ScrubId, Dates.Text(scrub.ScrubbedAt), scrub.ClaimId, scrub.PayerId, scrub.BillingNpi, scrub.PatientKey,
                scrub.Setting, scrub.Disposition, scrub.NcciVersions, scrub.Pack, scrub.Frequency, scrub.OriginalClaimId, scrub.PayerClaimControlNumber) == 0)
        {
            return;
        }

        var insertLine = statements.For(connection, transaction, InsertLine, 10);
        for (var i = 0; i < scrub.Lines.Length; i++)
        {
            var line = scrub.Lines[i];
            PreparedStatements.Run(insertLine, scrub.ScrubId, line.LineId, i, line.Code, line.Modifiers, Dates.Text(line.ServiceDate),
                line.RenderingNpi, line.ChargeCents, line.Units, line.Taxonomy);
        }

        var insertEdit = statements.For(connection, transaction, InsertEdit, 13);
        for (var i = 0; i < scrub.Edits.Length; i++)
        {
            var edit = scrub.Edits[i];
            PreparedStatements.Run(insertEdit, scrub.ScrubId, i, edit.EditType, edit.Severity, edit.LineId, edit.RelatedLineId, edit.RelatedClaimId,
                edit.Column1, edit.Column2, edit.ModifierIndicator, edit.Source, edit.Rule, edit.BypassModifier);
        }
    }
}
