using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Generators.Fuzzing;

/// <summary>Sends fuzz cases to the service, one call each or a batch on one ScrubClaims stream, and judges each answer.</summary>
/// <param name="client">A client of the service.</param>
/// <param name="headers">Sent with every call (the API key, when there is one).</param>
public sealed class FuzzDriver(ClaimScrubber.ClaimScrubberClient client, Metadata? headers = null)
{
    public async Task<FuzzVerdict> ScrubOneAsync(FuzzCase fuzzCase)
    {
        try
        {
            var response = await client.ScrubClaimAsync(fuzzCase.Request(), headers).ConfigureAwait(false);
            return FuzzVerdict.Of(fuzzCase, response, onStream: false);
        }
        catch (RpcException ex)
        {
            return FuzzVerdict.Of(ex);
        }
    }

    /// <summary>One verdict per case, in order. A stream that fails breaks every case it did not answer.</summary>
    public async Task<IReadOnlyList<FuzzVerdict>> ScrubStreamAsync(IReadOnlyList<FuzzCase> cases)
    {
        var verdicts = new List<FuzzVerdict>(cases.Count);
        using var call = client.ScrubClaims(headers);
        var reading = ReadAnswersAsync(call.ResponseStream, cases, verdicts);
        try
        {
            foreach (var fuzzCase in cases)
            {
                await call.RequestStream.WriteAsync(fuzzCase.Request()).ConfigureAwait(false);
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // The call ended early; reading its answers says how.
        }

        try
        {
            await reading.ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            var failed = FuzzVerdict.Broken(ex.StatusCode.ToString(), "the stream failed: " + ex.Status.Detail);
            verdicts.AddRange(Enumerable.Repeat(failed, Math.Max(0, cases.Count - verdicts.Count)));
        }

        if (verdicts.Count < cases.Count)
        {
            verdicts.AddRange(Enumerable.Repeat(FuzzVerdict.Broken("OK", "the stream ended before every claim was answered"), cases.Count - verdicts.Count));
        }

        return verdicts;
    }

    private static async Task ReadAnswersAsync(IAsyncStreamReader<ScrubClaimResponse> answers, IReadOnlyList<FuzzCase> cases, List<FuzzVerdict> verdicts)
    {
        while (await answers.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            verdicts.Add(verdicts.Count < cases.Count
                ? FuzzVerdict.Of(cases[verdicts.Count], answers.Current, onStream: true)
                : FuzzVerdict.Broken("OK", "more answers than claims sent"));
        }
    }
}
