using Google.Protobuf;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl remit ingest</c>: sends 835 files to the service, one at a time, with progress.</summary>
internal sealed class RemitIngestCommand : ICommand
{
    public string Name => "remit ingest";

    public string Summary => "Ingest 835 files through the running service; progress per file, unmatched claims and lines listed.";

    public string Help =>
        $"""
        Usage: scrubctl remit ingest <file>... [--server URL] [--api-key KEY]

        Sends each file to Outcomes.IngestRemittance and prints, per file, the claims and lines read, how many were
        tied to the scrubs sent, the NCCI-type denials (CARC 97, 236, 151), and every claim or line it could not
        match. The same file twice counts once. A file that cannot be read ingests nothing; the others go on.

        {ServiceConnection.HelpText}

        Exit code 1 when any file was refused.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = [.. ServiceConnection.Options];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public async Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count == 0)
        {
            throw new UsageException("Give at least one 835 file.");
        }

        using var channel = ServiceConnection.Open(args);
        var client = new Outcomes.OutcomesClient(channel);
        var refused = 0;
        for (var i = 0; i < args.Positionals.Count; i++)
        {
            var path = args.Positionals[i];
            var progress = $"[{i + 1}/{args.Positionals.Count}] {path}";
            try
            {
                var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                var result = await client.IngestRemittanceAsync(
                    new IngestRemittanceRequest { Content = ByteString.CopyFrom(content), FileName = Path.GetFileName(path) },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                await console.Out.WriteLineAsync(result.Duplicate
                    ? $"{progress}: already ingested, nothing added"
                    : $"{progress}: {result.Claims} claims, {result.Lines} lines, {result.MatchedLines} lines matched, {result.DeniedLines} NCCI-type denials, {result.Reversals} reversals").ConfigureAwait(false);
                foreach (var claim in result.UnmatchedClaims)
                {
                    await console.Out.WriteLineAsync($"    unmatched claim {claim.ClaimId} (payer claim {claim.PayerClaimNumber}): {claim.Reason}").ConfigureAwait(false);
                }

                foreach (var line in result.UnmatchedLines)
                {
                    await console.Out.WriteLineAsync($"    unmatched line {line.ClaimId}/{(line.LineControlNumber.Length > 0 ? line.LineControlNumber : "-")} {line.ProcedureCode} {line.ServiceDate}: {line.Reason}").ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                refused++;
                await console.Error.WriteLineAsync($"{progress}: cannot be read: {ex.Message}").ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
            {
                refused++;
                await console.Error.WriteLineAsync($"{progress}: refused, nothing ingested: {ex.Status.Detail}").ConfigureAwait(false);
            }
            catch (RpcException ex)
            {
                return await ServiceConnection.ReportAsync(ex, channel.Target, console).ConfigureAwait(false);
            }
        }

        return refused == 0 ? ExitCodes.Ok : ExitCodes.Problems;
    }
}
