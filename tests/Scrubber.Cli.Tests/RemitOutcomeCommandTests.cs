using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using Scrubber.Generators;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Cli.Tests;

/// <summary><c>remit ingest</c> and <c>remit unmatched</c> against a real service with a fresh store per test.</summary>
public sealed partial class RemitOutcomeCommandTests : IAsyncLifetime
{
    private static readonly DateOnly ServiceDate = new(2026, 7, 14);

    private readonly TempDirectory _temp = new();
    private RunningServer? _server;

    private string Server => _server!.Address;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync("--Outcomes:MaxUnmatchedListed=2");

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task RemitIngest_DenialsOfSeveralFamilies_PrintsTheCountPerFamily()
    {
        var claim = _temp.File("claim.json");
        await File.WriteAllTextAsync(claim, """
            { "claimId": "FAM-1", "payerId": "ACME01", "patientId": "P-1", "billingProviderNpi": "1234567893", "lines": [
              { "lineId": "1", "procedureCode": "99213", "serviceDate": "2026-07-14", "charge": "120.00", "units": 1 },
              { "lineId": "2", "procedureCode": "93000", "serviceDate": "2026-07-14", "charge": "45.00", "units": 1 },
              { "lineId": "3", "procedureCode": "36415", "serviceDate": "2026-07-14", "charge": "10.00", "units": 3 },
              { "lineId": "4", "procedureCode": "81002", "serviceDate": "2026-07-14", "charge": "12.00", "units": 1 } ] }
            """);
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("scrub", claim, "--server", Server)).ExitCode);
        var remit = await WriteRemitAsync(new RemitClaimSpec("FAM-1", "1", "ICN-F1",
        [
            new("1", "99213", [], ServiceDate, 120m, 96m, [("CO", "45", 24m)]),
            new("2", "93000", [], ServiceDate, 45m, 0m, [("CO", "97", 45m)]),
            new("3", "36415", [], ServiceDate, 10m, 0m, [("CO", "151", 10m)]),
            new("4", "81002", [], ServiceDate, 12m, 0m, [("CO", "18", 12m)]),
        ]));

        var run = await CliRun.RunAsync("remit", "ingest", remit, "--server", Server);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"[1/1] {remit}: 1 claims, 4 lines, 4 lines matched", run.Out, StringComparison.Ordinal);
        var families = Assert.Single(run.Out.Split('\n'), l => l.StartsWith("    denials by family: ", StringComparison.Ordinal));
        Assert.Contains("bundling 1", families, StringComparison.Ordinal);
        Assert.Contains("units 1", families, StringComparison.Ordinal);
        Assert.Contains("duplicate 1", families, StringComparison.Ordinal);
        Assert.True(families.IndexOf("bundling", StringComparison.Ordinal) < families.IndexOf("duplicate", StringComparison.Ordinal), families);
    }

    [Fact]
    public async Task RemitIngest_MoreUnmatchedThanTheAnswerLists_SaysHowManyMoreAndWhatToRun()
    {
        var remit = await WriteRemitAsync([.. Enumerable.Range(1, 5).Select(Unknown)]);

        var run = await CliRun.RunAsync("remit", "ingest", remit, "--server", Server);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(2, run.Out.Split('\n').Count(l => l.StartsWith("    unmatched claim ", StringComparison.Ordinal)));
        var fileId = FileId(run.Out);
        // Every line of an unmatched claim is unmatched too: 2 of 5 claims and 2 of 5 lines were listed.
        Assert.Contains($"… and 6 more unmatched (5 claims, 5 lines in all): run 'scrubctl remit unmatched {fileId}'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemitIngest_AnswerPastGrpcsDefaultReceiveLimit_IsReceivedAndTheFileCountsAsIngested()
    {
        // A service that lists every unmatched item: 60,000 lines of unknown claims with 38-character claim ids make an
        // answer past gRPC's 4 MiB default, from a file under the 4 MiB the service accepts.
        await using var server = await RunningServer.StartAsync("--Outcomes:MaxUnmatchedListed=100000");
        var remit = await WriteRemitAsync([.. Enumerable.Range(1, 1200).Select(i => new RemitClaimSpec($"NOT-SENT-{i:D5}".PadRight(38, 'X'), "4", $"ICN-U{i}",
            [.. Enumerable.Repeat(new RemitLineSpec(null, "99214", [], ServiceDate, 150m, 0m, [("CO", "16", 150m)]), 50)]))]);
        Assert.True(new FileInfo(remit).Length < 4 * 1024 * 1024, "the file must stay under Outcomes:MaxRemittanceBytes");

        var run = await CliRun.RunAsync("remit", "ingest", remit, "--server", server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Contains($"[1/1] {remit}: 1200 claims, 60000 lines, 0 lines matched", run.Out, StringComparison.Ordinal);
        Assert.Equal(60_000, run.Out.Split('\n').Count(l => l.StartsWith("    unmatched line ", StringComparison.Ordinal)));
        Assert.DoesNotContain("more unmatched", run.Out, StringComparison.Ordinal);

        // The same items asked for through a channel with gRPC's default limit do not fit: remit ingest lifted it.
        var ex = await Assert.ThrowsAsync<RpcException>(() => new Outcomes.OutcomesClient(server.Channel)
            .ListUnmatchedAsync(new ListUnmatchedRequest { FileId = FileId(run.Out) }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task RemitIngest_BlankLinesAndStaleGroupAndInterchangeCounts_IngestsAndPrintsEachWarningUnderTheFile()
    {
        var clean = await File.ReadAllTextAsync(await WriteRemitAsync(Unknown(1)));
        var text = clean.Replace("~\n", "~\n\n", StringComparison.Ordinal)
            .Replace("\nGE*1*1~", "\nGE*3*1~", StringComparison.Ordinal)
            .Replace("\nIEA*1*", "\nIEA*2*", StringComparison.Ordinal);
        var remit = _temp.File("filler.835");
        await File.WriteAllTextAsync(remit, text);
        var (filler, ge, iea) = (text.IndexOf("~\n\n", StringComparison.Ordinal) + 1, text.IndexOf("GE*3*1~", StringComparison.Ordinal), text.IndexOf("IEA*2*", StringComparison.Ordinal));
        // A blank line after the file's last segment is not between segments.
        var places = clean.TrimEnd().Split("~\n").Length - 1;

        var run = await CliRun.RunAsync("remit", "ingest", remit, "--server", Server);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Out.Split('\n');
        var summary = Array.FindIndex(lines, l => l.StartsWith($"[1/1] {remit}: 1 claims, 1 lines", StringComparison.Ordinal));
        Assert.True(summary >= 0, run.Out);
        string[] warnings = [.. lines.Where(l => l.StartsWith("    warning ", StringComparison.Ordinal))];
        Assert.Equal(3, warnings.Length);
        Assert.Equal($"    warning FILLER at byte {filler}: blank lines, spaces or tabs between segments at byte {filler} (ignored; seen at {places} places)", warnings[0]);
        Assert.Equal($"    warning SEGMENT_COUNT at byte {ge} (GE): the GE at byte {ge} says 3 transaction sets, but there are 1", warnings[1]);
        Assert.Equal($"    warning SEGMENT_COUNT at byte {iea} (IEA): the IEA at byte {iea} says 2 functional groups, but there are 1", warnings[2]);
        Assert.True(Array.IndexOf(lines, warnings[0]) > summary, run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task RemitIngest_CleanFile_PrintsNoWarning()
    {
        var run = await CliRun.RunAsync("remit", "ingest", await WriteRemitAsync(Unknown(1)), "--server", Server);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain("warning", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemitUnmatched_IngestedFile_ListsEveryUnmatchedClaim()
    {
        var remit = await WriteRemitAsync([.. Enumerable.Range(1, 5).Select(Unknown)]);
        var fileId = FileId((await CliRun.RunAsync("remit", "ingest", remit, "--server", Server)).Out);

        var table = await CliRun.RunAsync("remit", "unmatched", fileId, "--server", Server);
        var json = await CliRun.RunAsync("remit", "unmatched", fileId, "--format", "json", "--server", Server);

        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.Contains($"File {fileId}: 5 unmatched claims, 5 unmatched lines", table.Out, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(1, 5), i => Assert.Contains($"  unmatched claim NOT-SENT-{i} (payer claim ICN-U{i}): ", table.Out, StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        var claims = JsonDocument.Parse(json.Out).RootElement.GetProperty("unmatchedClaims").EnumerateArray().Select(c => c.GetProperty("claimId").GetString());
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"NOT-SENT-{i}"), claims.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RemitUnmatched_UnknownFileId_ExitsOneNamingIt()
    {
        var fileId = new string('a', 64);

        var run = await CliRun.RunAsync("remit", "unmatched", fileId, "--server", Server);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.StartsWith($"No ingested 835 has the file id {fileId}", run.Error, StringComparison.Ordinal);
    }

    private static RemitClaimSpec Unknown(int i) =>
        new($"NOT-SENT-{i}", "4", $"ICN-U{i}", [new(null, "99214", [], ServiceDate, 150m, 0m, [("CO", "16", 150m)])]);

    private async Task<string> WriteRemitAsync(params RemitClaimSpec[] claims)
    {
        var path = _temp.File($"era-{Guid.NewGuid():N}.835");
        await File.WriteAllTextAsync(path, new Remittance835Writer().Write(claims, new DateOnly(2026, 8, 14)));
        return path;
    }

    private static string FileId(string output)
    {
        var match = FileIdPattern().Match(output);
        Assert.True(match.Success, output);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"\(file ([0-9a-f]{64})\)")]
    private static partial Regex FileIdPattern();
}
