using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl remit ingest</c>: sends 835 files to the service, one at a time, with progress.</summary>
internal sealed class RemitIngestCommand : CliCommand
{
    /// <summary>The order the service counts families in; a family it adds later is printed after these.</summary>
    private static readonly string[] FamilyOrder = ["bundling", "units", "add_on", "duplicate", "modifier", "other"];

    private readonly Argument<string[]> _files = new("file") { Description = "835 files", Arity = ArgumentArity.OneOrMore };
    private readonly ServiceOptions _service = new();

    public RemitIngestCommand(CliConsole console)
        : base("ingest", "Ingest 835 files through the running service; progress per file, unmatched claims and lines listed.", console,
            """
            Sends each file to Outcomes.IngestRemittance and prints, per file, the claims and lines read, how many were
            tied to the scrubs sent, the denials in NCCI families and the denied lines by family (bundling, units,
            add_on, duplicate, modifier, other), reversals, each warning (a defect the reader accepted: code, byte
            offset, segment, message), and the unmatched claims and lines the service lists. When a file has more
            unmatched items than the answer lists, it says how many more: 'scrubctl remit unmatched <file-id>' lists
            them all. The same file twice counts once. A file that cannot be read or is refused ingests nothing; the
            others go on.

            Exit code 1 when any file was refused, 3 when a file cannot be read or the service is not available.
            """)
    {
        Arguments.Add(_files);
        _service.AddTo(this);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var files = parse.GetRequiredValue(_files);

        // The answer lists unmatched items up to a server setting: the file is stored either way, and a client limit
        // below what the service may send would report a stored file as failed.
        using var channel = _service.Open(parse, anyAnswerSize: true);
        var client = new Outcomes.OutcomesClient(channel);
        var (refused, unreadable) = (0, 0);
        for (var i = 0; i < files.Length; i++)
        {
            var path = files[i];
            var progress = $"[{i + 1}/{files.Length}] {path}";
            try
            {
                var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                var result = await client.IngestRemittanceAsync(
                    new IngestRemittanceRequest { Content = ByteString.CopyFrom(content), FileName = Path.GetFileName(path) },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                await WriteAsync(progress, result).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                unreadable++;
                await Console.Error.WriteLineAsync($"{progress}: cannot be read: {ex.Message}").ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
            {
                refused++;
                await Console.Error.WriteLineAsync($"{progress}: refused, nothing ingested: {ex.Status.Detail}").ConfigureAwait(false);
            }
            catch (RpcException ex)
            {
                return await ServiceFailure.ReportAsync(ex, channel.Target, Console).ConfigureAwait(false);
            }
        }

        return refused > 0 ? ExitCodes.Problems : unreadable > 0 ? ExitCodes.Unavailable : ExitCodes.Ok;
    }

    private async Task WriteAsync(string progress, IngestRemittanceResponse result)
    {
        if (result.Duplicate)
        {
            await Console.Out.WriteLineAsync($"{progress}: already ingested, nothing added (file {result.FileId})").ConfigureAwait(false);
            return;
        }

        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{progress}: {result.Claims} claims, {result.Lines} lines, {result.MatchedLines} lines matched, {result.DeniedLines} NCCI-type denials, " +
            $"{result.Reversals} reversals (file {result.FileId})")).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"    denials by family: {Families(result.DenialsByFamily)}").ConfigureAwait(false);
        foreach (var warning in result.Warnings)
        {
            await Console.Out.WriteLineAsync("    " + WarningText.Line(warning.Code, warning.ByteOffset, warning.Segment, warning.Message)).ConfigureAwait(false);
        }

        await UnmatchedText.WriteAsync(result.UnmatchedClaims, result.UnmatchedLines, "    ", Console).ConfigureAwait(false);
        var more = Math.Max(0, result.UnmatchedClaimCount - result.UnmatchedClaims.Count) + Math.Max(0, result.UnmatchedLineCount - result.UnmatchedLines.Count);
        if (more > 0)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"    … and {more} more unmatched ({result.UnmatchedClaimCount} claims, {result.UnmatchedLineCount} lines in all): run 'scrubctl remit unmatched {result.FileId}'")).ConfigureAwait(false);
        }
    }

    private static string Families(MapField<string, int> counts) => counts.Count == 0
        ? "none"
        : string.Join(", ", counts.OrderBy(c => Array.IndexOf(FamilyOrder, c.Key) is var i and >= 0 ? i : FamilyOrder.Length).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
}
