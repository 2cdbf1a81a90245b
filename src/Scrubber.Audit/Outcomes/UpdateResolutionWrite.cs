using System.Data.Common;
using System.Text.Json;
using Scrubber.Audit.Records;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Outcomes;

/// <summary>Records a resolution step on a line of the claim's sent scrub.</summary>
/// <remarks>Returns the sent scrub the line belongs to.</remarks>
internal sealed class UpdateResolutionWrite(Resolution resolution, DateTimeOffset recordedAt, RecordDictionary dictionary) : IWrite<string>
{
    private const string LineExists = "SELECT 1 FROM scrub_lines WHERE scrub_id = @p0 AND line_id = @p1";

    private const string Insert =
        "INSERT INTO resolutions (scrub_id, line_id, status, amount_cents, happened_on, note, recorded_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)";

    public string Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        var sent = ClaimMatcher.FindSentScrub(connection, transaction, statements, dictionary, resolution.ClaimId);
        if (sent is null || sent.ClaimId != resolution.ClaimId)
        {
            throw new RecordNotFoundException($"No scrubbed claim has claim id '{resolution.ClaimId}'.");
        }

        if (PreparedStatements.Scalar(statements.For(connection, transaction, LineExists, 2), sent.ScrubId, resolution.LineId) is null)
        {
            throw new RecordNotFoundException($"Claim '{resolution.ClaimId}' was sent without a line '{resolution.LineId}'.");
        }

        PreparedStatements.Run(statements.For(connection, transaction, Insert, 7),
            sent.ScrubId, resolution.LineId, JsonNamingPolicy.SnakeCaseLower.ConvertName(resolution.Status.ToString()),
            resolution.Amount is { } amount ? Money.ToCents(amount, "amount") : null,
            Dates.Text(resolution.HappenedOn), resolution.Note, Dates.Text(recordedAt));
        Reports.LineFacts.Refresh(connection, transaction, statements, [sent.ClaimId]);
        return sent.ScrubId;
    }
}
