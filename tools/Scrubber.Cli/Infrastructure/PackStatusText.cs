using Google.Protobuf.Collections;
using Scrubber.V1;

namespace Scrubber.Cli;

/// <summary>Prints live packs and refused packs the same way for <c>status</c> and <c>rules reload</c>.</summary>
internal static class PackStatusText
{
    public static async Task WriteAsync(RepeatedField<PackStatus> packs, RepeatedField<PackRejection> rejections, CliConsole console)
    {
        foreach (var pack in packs)
        {
            // A costly pack's claims take turns at its gate; how many wait tells whether that payer's claims queue.
            var gate = pack.Costly ? $"; costly, {pack.EvaluationsInProgress} evaluating, {pack.EvaluationsWaiting} waiting" : string.Empty;
            await console.Out.WriteLineAsync($"  live  {pack.Id}@{pack.Version} ({pack.Rules.Count} rules, {pack.Examples} examples{gate}) for {string.Join(", ", pack.Payers)}").ConfigureAwait(false);
        }

        foreach (var rejection in rejections)
        {
            await console.Out.WriteLineAsync($"  REJECTED {rejection.PackId} at {rejection.At}:").ConfigureAwait(false);
            foreach (var error in rejection.Errors)
            {
                await console.Out.WriteLineAsync($"    {error}").ConfigureAwait(false);
            }
        }
    }
}
