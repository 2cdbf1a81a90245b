using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Scrubber.Audit.Outcomes;
using Scrubber.Server.Audit;
using Scrubber.Server.Diagnostics;
using Scrubber.X12;
using Scrubber.X12.Remittance;
using AuditRemittance = Scrubber.Audit.Outcomes.Remittance;

namespace Scrubber.Server.Outcomes;

/// <summary>Reads an 835 and hands it to the audit store whole: a file that cannot be read ingests nothing.</summary>
internal sealed class RemittanceIngester(AuditStoreHost audit, IOptions<OutcomesOptions> options, TimeProvider time, ILogger<RemittanceIngester> logger)
{
    /// <summary>Parses and ingests <paramref name="content"/>; returns what was stored and what the reader found odd.</summary>
    /// <exception cref="X12FormatException">The content is not a readable 835; the message names the byte offset and segment.</exception>
    public async Task<(IngestResult Result, RemittanceFile File)> IngestAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
    {
        var bytes = content.ToArray();
        RemittanceFile file;
        try
        {
            file = Remittance835Parser.Read(bytes, new RemittanceOptions { MaxQuantity = options.Value.MaxUnits });
        }
        catch (X12FormatException ex)
        {
            Log.RemittanceRefused(logger, fileName, ex.ByteOffset, ex.Message);
            throw;
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var remittance = new AuditRemittance(sha256, fileName, [.. file.Transactions.SelectMany(t => t.Claims.Select(c => ToClaim(c, t.PaymentDate)))]);
        var result = await audit.Store.IngestRemittanceAsync(remittance, time.GetUtcNow(), options.Value.MaxUnmatchedListed, cancellationToken).ConfigureAwait(false);
        Log.RemittanceIngested(logger, fileName, result.Claims, result.Lines, result.MatchedLines, result.DeniedLines,
            result.UnmatchedClaimCount, result.UnmatchedLineCount, file.Warnings.Length, result.Duplicate);
        return (result, file);
    }

    private static RemittanceClaim ToClaim(ClaimPayment claim, DateOnly? paidOn) => new(
        claim.ClaimId,
        claim.Status,
        claim.Charge,
        claim.Paid,
        claim.PayerClaimNumber ?? string.Empty,
        paidOn,
        [.. claim.Adjustments.Select(ToAdjustment)],
        [.. claim.Lines.Select(ToLine)]);

    private static RemittanceLine ToLine(ServicePayment line) => new(
        line.LineControlNumber ?? string.Empty,
        line.ProcedureCode,
        line.Modifiers,
        line.OriginalProcedureCode ?? string.Empty,
        line.ServiceDate,
        line.Charge,
        line.Paid,
        [.. line.Adjustments.Select(ToAdjustment)],
        line.RemarkCodes);

    private static RemittanceAdjustment ToAdjustment(Adjustment adjustment) =>
        new(adjustment.Group, adjustment.Reason, adjustment.Amount, adjustment.Quantity);
}
