using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Generators.Fuzzing;

/// <summary>Sends a mutated 835 to the service and judges the answer against the invariant: ingested (with an answer
/// that adds up), or INVALID_ARGUMENT naming the content and where in it; then checks a scrub is still answered.</summary>
/// <param name="outcomes">A client of the Outcomes service.</param>
/// <param name="scrubber">A client of the ClaimScrubber service.</param>
/// <param name="headers">Sent with every call (the API key, when there is one).</param>
public sealed class RemittanceFuzzDriver(Outcomes.OutcomesClient outcomes, ClaimScrubber.ClaimScrubberClient scrubber, Metadata? headers = null)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Ingests the case and, whatever its fate, scrubs <paramref name="probe"/>; the verdict covers both.</summary>
    public async Task<(FuzzVerdict Verdict, IngestRemittanceResponse? Response)> IngestThenScrubAsync(RemittanceFuzzCase fuzzCase, Claim probe)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        IngestRemittanceResponse? response = null;
        FuzzVerdict verdict;
        try
        {
            response = await outcomes.IngestRemittanceAsync(
                new IngestRemittanceRequest { Content = ByteString.CopyFrom(fuzzCase.Content), FileName = $"fuzz-{fuzzCase.Seed}-{fuzzCase.Index}.835" },
                headers, DateTime.UtcNow.Add(CallTimeout)).ConfigureAwait(false);
            verdict = Judge(fuzzCase, response);
        }
        catch (RpcException ex)
        {
            verdict = Judge(ex);
        }

        try
        {
            var scrubbed = await scrubber.ScrubClaimAsync(new ScrubClaimRequest { Claim = probe }, headers, DateTime.UtcNow.Add(CallTimeout)).ConfigureAwait(false);
            if (scrubbed.ScrubId.Length == 0 && !verdict.IsBroken)
            {
                verdict = FuzzVerdict.Broken("OK", "the scrub after it has no scrub id");
            }
        }
        catch (RpcException ex)
        {
            // A broken ingest keeps its own verdict; the unanswered scrub after it is reported, never thrown.
            verdict = verdict.IsBroken
                ? verdict
                : FuzzVerdict.Broken(ex.StatusCode.ToString(), "the scrub after it was not answered: " + ex.Status.Detail);
        }

        return (verdict, response);
    }

    private static FuzzVerdict Judge(RemittanceFuzzCase fuzzCase, IngestRemittanceResponse response) =>
        response.FileId.Length != 64 ? FuzzVerdict.Broken("OK", $"file id '{response.FileId}' is not a SHA-256")
        : response.MatchedClaims > response.Claims || response.MatchedLines > response.Lines ? FuzzVerdict.Broken("OK", "more matched than read")
        : response.UnmatchedClaims.Count > response.UnmatchedClaimCount || response.UnmatchedLines.Count > response.UnmatchedLineCount
            ? FuzzVerdict.Broken("OK", "more unmatched listed than counted")
        : !response.Duplicate && response.MatchedClaims + response.UnmatchedClaimCount != response.Claims
            ? FuzzVerdict.Broken("OK", "matched and unmatched claims do not add up to the claims read")
        : response.DenialsByFamily.Values.Sum() > response.Lines ? FuzzVerdict.Broken("OK", "more denied lines than lines")
        : response.Warnings.FirstOrDefault(w => w.Code.Length == 0 || w.Message.Length == 0 || w.ByteOffset < 0 || w.ByteOffset > fuzzCase.Content.Length) is { } bad
            ? FuzzVerdict.Broken("OK", $"warning without code, message or a byte in the file: {bad}")
        : new FuzzVerdict(response.Duplicate ? "duplicate" : "ingested", null);

    private static FuzzVerdict Judge(RpcException exception)
    {
        if (exception.StatusCode != StatusCode.InvalidArgument)
        {
            return FuzzVerdict.Broken(exception.StatusCode.ToString(), exception.Status.Detail);
        }

        var field = exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.SingleOrDefault();
        return field is { Field: "content" } && (field.Description.Contains("byte ", StringComparison.Ordinal) || field.Description.Contains("Outcomes:MaxRemittanceBytes", StringComparison.Ordinal))
            ? new FuzzVerdict("invalid_argument", null)
            : FuzzVerdict.Broken("InvalidArgument", "the refusal does not name the content and where: " + exception.Status.Detail);
    }
}
