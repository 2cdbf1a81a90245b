using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl remit unmatched</c>: every claim and line of an ingested 835 that no sent scrub matched.</summary>
internal sealed class RemitUnmatchedCommand : CliCommand
{
    private readonly Argument<string> _fileId = new("file-id") { Description = "the file id remit ingest printed (the SHA-256 of the file)" };
    private readonly Option<string> _format = CliOptions.Format(OutputFormat.Table, OutputFormat.Json);
    private readonly ServiceOptions _service = new();

    public RemitUnmatchedCommand(CliConsole console)
        : base("unmatched", "List every claim and line of an ingested 835 that could not be tied to a sent scrub.", console,
            """
            Calls Outcomes.ListUnmatched. 'remit ingest' lists at most the service's Outcomes:MaxUnmatchedListed
            (default 200) of each; this lists them all (--format json: the answer as protobuf JSON).

            Exit code 1 when no ingested file has that id.
            """)
    {
        Arguments.Add(_fileId);
        Options.Add(_format);
        _service.AddTo(this);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var fileId = parse.GetRequiredValue(_fileId);

        // A file of unknown claims lists every one of them: tens of thousands of items, past gRPC's 4 MiB default.
        using var channel = _service.Open(parse, anyAnswerSize: true);
        try
        {
            var response = await new Outcomes.OutcomesClient(channel)
                .ListUnmatchedAsync(new ListUnmatchedRequest { FileId = fileId }, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(_format) == OutputFormat.Json)
            {
                await Console.Out.WriteLineAsync(JsonFormatter.Default.Format(response)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await Console.Out.WriteLineAsync(
                $"File {response.FileId}: {response.UnmatchedClaims.Count} unmatched claims, {response.UnmatchedLines.Count} unmatched lines").ConfigureAwait(false);
            await UnmatchedText.WriteAsync(response.UnmatchedClaims, response.UnmatchedLines, "  ", Console).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            await Console.Error.WriteLineAsync($"No ingested 835 has the file id {fileId}: {ex.Status.Detail}").ConfigureAwait(false);
            return ExitCodes.Problems;
        }
        catch (RpcException ex)
        {
            return await ServiceFailure.ReportAsync(ex, channel.Target, Console).ConfigureAwait(false);
        }
    }
}
