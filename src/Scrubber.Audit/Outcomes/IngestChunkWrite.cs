using System.Collections.Immutable;
using System.Data.Common;
using Scrubber.Audit.Records;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Outcomes;

/// <summary>Writes some of a staged 835's claims, lines and adjustments, each tied to the sent scrub and line when it
/// can be. Returns what it counted; it keeps no state, so a re-run alone gives the same result.</summary>
/// <param name="fileId">The staged file.</param>
/// <param name="remittance">The whole file.</param>
/// <param name="first">The first claim of this chunk (its index in the file).</param>
/// <param name="count">How many claims.</param>
/// <param name="maxListed">The most unmatched claims, and lines, the result lists.</param>
/// <param name="dictionary">Names the versions and templates of the records of the claims it matches.</param>
internal sealed class IngestChunkWrite(long fileId, Remittance remittance, int first, int count, int maxListed, RecordDictionary dictionary) : IWrite<IngestTally>
{
    public IngestTally Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        var tally = new IngestTally(maxListed);
        for (var i = first; i < first + count; i++)
        {
            IngestClaim(connection, transaction, statements, i, remittance.Claims[i], tally);
        }

        return tally;
    }

    private void IngestClaim(DbConnection connection, DbTransaction transaction, PreparedStatements statements, int seq,
        RemittanceClaim claim, IngestTally tally)
    {
        var sent = ClaimMatcher.FindSentScrub(connection, transaction, statements, dictionary, claim.ClaimId);
        tally.Claim(claim, sent is not null);
        var remitClaimId = (long)PreparedStatements.Scalar(statements.For(connection, transaction, RemittanceSql.InsertClaim, 9),
            fileId, seq, claim.ClaimId, claim.Status, Money.ToCents(claim.Charge, "CLP03"), Money.ToCents(claim.Paid, "CLP04"),
            claim.PayerClaimNumber, sent?.ScrubId, (claim.PaidOn is { } paidOn ? Dates.Text(paidOn) : null))!;
        InsertAdjustments(connection, transaction, statements, remitClaimId, null, claim.Adjustments);
        var matcher = sent is null ? null : new LineMatcher(ClaimMatcher.SentLines(connection, transaction, statements, sent.ScrubId));
        var insertLine = statements.For(connection, transaction, RemittanceSql.InsertLine, 14);
        for (var i = 0; i < claim.Lines.Length; i++)
        {
            var line = claim.Lines[i];
            var match = matcher?.Match(line);
            tally.Line(claim, line, sent is not null, match is not null);
            var remitLineId = (long)PreparedStatements.Scalar(insertLine,
                remitClaimId, i, line.LineControlNumber, line.ProcedureCode, string.Join(' ', line.Modifiers), line.OriginalProcedureCode,
                (line.ServiceDate is { } serviceDate ? Dates.Text(serviceDate) : null), Money.ToCents(line.Charge, "SVC02"), Money.ToCents(line.Paid, "SVC03"),
                string.Join(' ', line.RemarkCodes), match is null ? null : sent!.ScrubId, match?.LineId, match?.Method ?? "unmatched",
                !claim.IsReversal && line.Paid <= 0 && line.Denial() is not null)!;
            InsertAdjustments(connection, transaction, statements, remitClaimId, remitLineId, line.Adjustments);
        }
    }

    private static void InsertAdjustments(DbConnection connection, DbTransaction transaction, PreparedStatements statements, long remitClaimId,
        long? remitLineId, ImmutableArray<RemittanceAdjustment> adjustments)
    {
        var insert = statements.For(connection, transaction, RemittanceSql.InsertAdjustment, 6);
        foreach (var adjustment in adjustments)
        {
            PreparedStatements.Run(insert, remitClaimId, remitLineId, adjustment.Group, adjustment.Reason,
                Money.ToCents(adjustment.Amount, "CAS amount"), (double?)adjustment.Quantity);
        }
    }
}
