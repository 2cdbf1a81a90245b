using System.Globalization;
using Microsoft.Data.Sqlite;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Scrubs;

/// <summary>Writes a scrub, its lines and edits, and makes it the scrub that counts for its claim unless another one is
/// confirmed. It is a draft: its lines pair with later claims only once it is confirmed or adjudicated, unless
/// <paramref name="countsAsSent"/> (Audit:CountUnconfirmedScrubs) makes the latest scrub of a claim count at once.</summary>
internal sealed class RecordScrubWrite(ScrubRecord record, bool countsAsSent) : IWrite<bool>
{
    private const string InsertScrub =
        "INSERT INTO scrubs (scrub_id, scrubbed_at, claim_id, payer_id, billing_npi, patient_key, setting, disposition, ncci_versions, pack, " +
        "frequency, original_claim_id, payer_claim_control_number) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12)";

    private const string InsertLine =
        "INSERT INTO scrub_lines (scrub_id, line_id, seq, code, modifiers, service_date, rendering_npi, charge_cents, units) " +
        "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)";

    private const string InsertEdit =
        "INSERT INTO edits (scrub_id, seq, edit_type, severity, line_id, related_line_id, related_claim_id, column1, column2, " +
        "modifier_indicator, source, rule, bypass_modifier, message) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13)";

    private const string MarkSent =
        "INSERT INTO claim_submissions (claim_id, scrub_id, confirmed_at) VALUES ($p0, $p1, NULL) " +
        "ON CONFLICT (claim_id) DO UPDATE SET scrub_id = excluded.scrub_id WHERE claim_submissions.confirmed_at IS NULL " +
        "RETURNING scrub_id";

    /// <summary>Returns true: a scrub record has no result beyond being stored.</summary>
    public bool Execute(SqliteConnection connection, SqliteTransaction transaction, PreparedStatements statements)
    {
        var claim = record.Claim;
        var result = record.Result;
        PreparedStatements.Run(statements.For(connection, transaction, InsertScrub, 13),
            record.ScrubId, Time(record.ScrubbedAt), claim.ClaimId, claim.PayerId, claim.BillingProviderNpi, record.PatientKey,
            claim.Setting.ToString(), result.Disposition.ToString(), string.Join(",", result.NcciVersions), result.Pack ?? string.Empty,
            claim.Frequency.ToString(), claim.OriginalClaimId, claim.PayerClaimControlNumber);

        var insertLine = statements.For(connection, transaction, InsertLine, 9);
        for (var i = 0; i < claim.Lines.Length; i++)
        {
            var line = claim.Lines[i];
            PreparedStatements.Run(insertLine, record.ScrubId, line.LineId, i, line.Code.ToString(), string.Join(' ', line.Modifiers),
                line.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), line.RenderingProviderNpi, Money.ToCents(line.Charge, $"claim.lines[{i}].charge"), line.Units);
        }

        var insertEdit = statements.For(connection, transaction, InsertEdit, 14);
        for (var i = 0; i < result.Edits.Length; i++)
        {
            var edit = result.Edits[i];
            PreparedStatements.Run(insertEdit, record.ScrubId, i, edit.EditType, edit.Severity.ToString(), edit.LineId, edit.RelatedLineId,
                edit.RelatedClaimId ?? string.Empty, edit.Column1Code, edit.Column2Code, edit.ModifierIndicator, edit.Source,
                edit.Rule ?? string.Empty, edit.BypassModifier ?? string.Empty, edit.Message);
        }

        // RETURNING yields a row only when this scrub became the one that counts (no confirmed scrub holds the claim).
        var counts = PreparedStatements.Scalar(statements.For(connection, transaction, MarkSent, 2), claim.ClaimId, record.ScrubId) is not null;
        if (countsAsSent && counts)
        {
            SentHistory.Sent(connection, transaction, statements, record.ScrubId);
        }

        return true;
    }

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
