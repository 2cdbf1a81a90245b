using System.Text;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;
using Scrubber.V1;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>One bad file or call never stops the service: it fails alone with a status that says why, nothing of it is
/// kept, and the next scrub is answered.</summary>
public sealed class OneBadFileTests : IAsyncLifetime
{
    private RunningServer? _server;

    private RunningServer Server => _server!;

    private OutcomesClient Outcomes => new(Server.Channel);

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Theory]
    [InlineData("CLP03", "100000000000000000000", "is not an amount of at most 18 digits")]
    [InlineData("CLP03", "123456789.00", "is not an amount within ±99,999,999.99")]
    [InlineData("SVC02", "-100000000.00", "is not an amount within ±99,999,999.99")]
    [InlineData("CAS03", "1.0000000000000000001", "is not an amount of at most 18 digits")]
    [InlineData("SVC05", "1000000", "is not a quantity within ±99,999")]
    public async Task IngestRemittance_NumberBeyondItsBound_IsInvalidArgumentNamingTheElementAndByte_AndScrubsGoOn(string element, string value, string reason)
    {
        var (claim, _) = await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of("2026-07-20", "0001U", "0030U"));
        var content = WithElement(Write([RemitSpecs.DeniedSecondLine(claim, "ICN-1")]), element, value);
        var before = AuditFile.RowCounts(Server.DatabasePath);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Outcomes.IngestRemittanceAsync(Request(content)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var description = Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Description;
        Assert.Matches($"^{element} '[^']*' in the {element[..3]} at byte [0-9]+ {System.Text.RegularExpressions.Regex.Escape(reason)}", description);
        Assert.Equal(before, AuditFile.RowCounts(Server.DatabasePath));
        await AssertScrubIsAnswered();
    }

    [Fact]
    public async Task IngestRemittance_QuantityBound_IsTheOutcomesMaxUnitsSetting()
    {
        await using var server = await RunningServer.StartAsync("--Outcomes:MaxUnits=10");
        var outcomes = new OutcomesClient(server.Channel);
        var (claim, _) = await SentClaims.ScrubAndConfirm(server, ProtoClaims.Of("2026-07-20", "0001U", "0030U"));
        var text = Write([RemitSpecs.DeniedSecondLine(claim, "ICN-Q")]);
        var before = AuditFile.RowCounts(server.DatabasePath);

        var ex = await Assert.ThrowsAsync<RpcException>(() => outcomes.IngestRemittanceAsync(Request(WithElement(text, "SVC05", "11"))).ResponseAsync);
        Assert.Equal(before, AuditFile.RowCounts(server.DatabasePath));
        var accepted = await outcomes.IngestRemittanceAsync(Request(WithElement(text, "SVC05", "10")));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Matches("^SVC05 '11' in the SVC at byte [0-9]+ is not a quantity within ±10$",
            Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Description);
        Assert.Equal((false, 1, 2), (accepted.Duplicate, accepted.MatchedClaims, accepted.MatchedLines));
    }

    [Fact]
    public async Task IngestRemittance_WhileResolutionsFailInTheSameBatches_AnswersItsOwnCountsExactly()
    {
        var (claim, _) = await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of("2026-07-20", "0001U", "0030U"));
        var content = Encoding.ASCII.GetBytes(Write([RemitSpecs.DeniedSecondLine(claim, "ICN-2")]));
        var failing = Enumerable.Range(0, 64).Select(i => Outcomes.UpdateResolutionAsync(new UpdateResolutionRequest
        {
            ClaimId = $"NO-SUCH-CLAIM-{i}",
            LineId = "L1",
            Status = ResolutionStatus.Appealed,
            Date = "2026-08-20",
        }).ResponseAsync).ToList();

        var response = await Outcomes.IngestRemittanceAsync(Request(content));
        var failures = await Task.WhenAll(failing.Select(async call => (await Assert.ThrowsAsync<RpcException>(() => call)).StatusCode));

        Assert.Equal((1, 2, 1, 2, 1, 0, 0), (response.Claims, response.Lines, response.MatchedClaims, response.MatchedLines, response.DeniedLines,
            response.UnmatchedClaimCount, response.UnmatchedLineCount));
        Assert.Equal(1, response.DenialsByFamily["bundling"]);
        Assert.All(failures, code => Assert.Equal(StatusCode.NotFound, code));
        await AssertScrubIsAnswered();
    }

    [Fact]
    public async Task IngestRemittance_StoreFailsInsideTheWriter_IsInternalWithALoggedId_AndScrubsGoOn()
    {
        var (claim, _) = await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of("2026-07-20", "0001U", "0030U"));
        var content = Encoding.ASCII.GetBytes(Write([RemitSpecs.DeniedSecondLine(claim, "ICN-3")]));
        Execute("CREATE TRIGGER refuse_remittances BEFORE INSERT ON remittance_files BEGIN SELECT RAISE(ABORT, 'the disk refused'); END;");

        var ex = await Assert.ThrowsAsync<RpcException>(() => Outcomes.IngestRemittanceAsync(Request(content)).ResponseAsync);
        await AssertScrubIsAnswered();
        Execute("DROP TRIGGER refuse_remittances;");
        var retried = await Outcomes.IngestRemittanceAsync(Request(content));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        var errorId = System.Text.RegularExpressions.Regex.Match(ex.Status.Detail, "logged with id ([0-9a-f-]{36})").Groups[1].Value;
        Assert.NotEmpty(errorId);
        Assert.DoesNotContain("disk refused", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(Server.Logs.Lines, l => l.Contains(errorId, StringComparison.Ordinal) && l.Contains("IngestRemittance", StringComparison.Ordinal));
        Assert.Equal((false, 1), (retried.Duplicate, retried.MatchedClaims));
    }

    [Fact]
    public async Task UpdateResolution_AmountNoClaimCouldCarry_IsInvalidArgumentNamingAmount()
    {
        var (claim, _) = await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of("2026-07-20", "0001U", "0030U"));

        var ex = await Assert.ThrowsAsync<RpcException>(() => Outcomes.UpdateResolutionAsync(new UpdateResolutionRequest
        {
            ClaimId = claim.ClaimId, LineId = "L2", Status = ResolutionStatus.Recovered, Amount = "100000000000000000000", Date = "2026-08-20",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("amount", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
        await AssertScrubIsAnswered();
    }

    [Theory]
    [InlineData("835/keironstoddart__835_blue_cross_nc_sample.txt", 1, 3, "NO_ENVELOPE@0/ST SEGMENT_COUNT@692/SE")]
    [InlineData("835/LinuxForHealth__secondary-payment.835", 2, 2, "COMPONENT_SEPARATOR@846/SVC COMPONENT_SEPARATOR@947/SVC")]
    public async Task IngestRemittance_PublicSampleAsPayersSendIt_IsIngestedWithItsWarnings(string fixture, int claims, int lines, string warnings)
    {
        var content = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "x12", fixture));

        var response = await Outcomes.IngestRemittanceAsync(Request(content));

        Assert.Equal((false, claims, lines), (response.Duplicate, response.Claims, response.Lines));
        Assert.Equal(warnings, string.Join(' ', response.Warnings.Select(w => $"{w.Code}@{w.ByteOffset}/{w.Segment}")));
        Assert.All(response.Warnings, w => Assert.Contains($"byte {w.ByteOffset}", w.Message, StringComparison.Ordinal));
        Assert.Equal(claims, (int)(await Server.Admin.GetStatusAsync(new GetStatusRequest())).Store.RemittanceClaims);
    }

    [Fact]
    public async Task IngestRemittance_FileOfUnknownClaims_ListsTwoHundredCountsAllAndListUnmatchedGivesEveryOne()
    {
        var unknown = Enumerable.Range(0, 300).Select(i => new RemitClaimSpec($"UNKNOWN-{i:D4}", "4", $"ICN-U{i}",
        [
            new RemitLineSpec("L1", "99213", [], new DateOnly(2026, 7, 20), 100m, 0m, [("CO", "151", 100m)], Remarks: ["N362"]),
            new RemitLineSpec("L2", "93000", [], new DateOnly(2026, 7, 20), 50m, 0m, [("CO", "16", 50m)]),
        ])).ToList();

        var response = await Outcomes.IngestRemittanceAsync(Request(Encoding.ASCII.GetBytes(Write(unknown))));
        var all = await Outcomes.ListUnmatchedAsync(new ListUnmatchedRequest { FileId = response.FileId });

        Assert.Equal((200, 200, 300, 600), (response.UnmatchedClaims.Count, response.UnmatchedLines.Count, response.UnmatchedClaimCount, response.UnmatchedLineCount));
        Assert.Equal(new Dictionary<string, int> { ["other"] = 300, ["units"] = 300 }, response.DenialsByFamily);
        Assert.Equal(300, response.DeniedLines);
        Assert.Equal((300, 600), (all.UnmatchedClaims.Count, all.UnmatchedLines.Count));
        Assert.Equal(response.UnmatchedClaims, all.UnmatchedClaims.Take(200));
        Assert.Equal("UNKNOWN-0299", all.UnmatchedClaims[^1].ClaimId);
    }

    [Fact]
    public async Task ListUnmatched_UnknownOrMissingFileId_SaysWhich()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => Outcomes.ListUnmatchedAsync(new ListUnmatchedRequest { FileId = "feedface" }).ResponseAsync);
        var empty = await Assert.ThrowsAsync<RpcException>(() => Outcomes.ListUnmatchedAsync(new ListUnmatchedRequest()).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, "No ingested 835 has file id 'feedface'."), (missing.StatusCode, missing.Status.Detail));
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal("file_id", Assert.Single(empty.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Reports_UnknownFamily_IsInvalidArgumentNamingFamilies()
    {
        var request = new ReportRequest();
        request.Families.Add("mue");

        var ex = await Assert.ThrowsAsync<RpcException>(() => new Scrubber.V1.Feedback.FeedbackClient(Server.Channel).WeeklyDashboardAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal(("families", "'mue' is not a denial family; use bundling, units, add_on, duplicate, modifier, other."), (violation.Field, violation.Description));
    }

    private async Task AssertScrubIsAnswered()
    {
        var response = await Server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2023-06-15", "0001A", "36591").Request(),
            deadline: DateTime.UtcNow.AddSeconds(10));
        Assert.Equal(Disposition.HardStop, response.Disposition);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Server.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static IngestRemittanceRequest Request(byte[] content) => new() { Content = ByteString.CopyFrom(content), FileName = "test.835" };

    private static string Write(IReadOnlyList<RemitClaimSpec> claims) => new Remittance835Writer(11).Write(claims, new DateOnly(2026, 8, 14));

    /// <summary>The 835 with the first <paramref name="element"/> (CLP03, SVC02, CAS03, SVC05) set to <paramref name="value"/>.</summary>
    private static byte[] WithElement(string text, string element, string value)
    {
        var id = element[..3];
        var position = int.Parse(element[3..], System.Globalization.CultureInfo.InvariantCulture);
        var segments = text.Split("~\n").ToList();
        var at = segments.FindIndex(s => s.StartsWith(id + "*", StringComparison.Ordinal));
        var elements = segments[at].Split('*').ToList();
        while (elements.Count <= position)
        {
            elements.Add(string.Empty);
        }

        elements[position] = value;
        segments[at] = string.Join('*', elements);
        return Encoding.ASCII.GetBytes(string.Join("~\n", segments));
    }
}
