using System.Diagnostics;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;
using Scrubber.V1;
using Xunit.Abstractions;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>A large 835 and scrubs share the store: the file is staged in chunks that scrub commits interleave with and
/// published whole, so scrubs are answered while it is staged, and a call that ran out of time keeps nothing.</summary>
public sealed class FairSharingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task IngestRemittance_LargeFile_ScrubsAreAnsweredWhileItIsStagedAndNoneOfItShowsUntilPublished()
    {
        var content = LargeFile(12_000);
        var started = Stopwatch.GetTimestamp();
        var ingest = new OutcomesClient(Server.Channel).IngestRemittanceAsync(Request(content)).ResponseAsync;
        var answered = 0;
        var seenClaims = new List<long>();
        while (!ingest.IsCompleted)
        {
            var response = await Server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2023-06-15", "0001A", "36591").Request());
            Assert.Equal(Disposition.HardStop, response.Disposition);
            answered += ingest.IsCompleted ? 0 : 1;
            seenClaims.Add((await Server.Admin.GetStatusAsync(new GetStatusRequest())).Store.RemittanceClaims);
        }

        var result = await ingest;
        output.WriteLine($"{answered} scrubs answered during a {Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s ingest of {content.Length} bytes");
        Assert.Equal((12_000, 24_000), (result.Claims, result.Lines));
        Assert.True(answered >= 10, $"only {answered} scrubs were answered while the 835 was being ingested");

        // Readers saw none of the file or all of it, never part: it is published in one transaction.
        Assert.All(seenClaims, claims => Assert.Contains(claims, (long[])[0, 12_000]));
        Assert.Equal(12_000L, (await Server.Admin.GetStatusAsync(new GetStatusRequest())).Store.RemittanceClaims);
    }

    [Fact]
    public async Task IngestRemittance_PastItsDeadline_CommitsNothingAndLeavesNothingStaged()
    {
        var content = LargeFile(12_000);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            new OutcomesClient(Server.Channel).IngestRemittanceAsync(Request(content), deadline: DateTime.UtcNow.AddMilliseconds(250)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);

        // The server drops what it staged as soon as it sees the call has gone; give it that moment.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyDictionary<string, long> rows;
        do
        {
            await Task.Delay(100);
            rows = AuditFile.RowCounts(Server.DatabasePath);
        }
        while ((rows["remittance_files"] > 0 || rows["remit_claims"] > 0) && DateTime.UtcNow < deadline);

        Assert.Equal((0L, 0L, 0L, 0L), (rows["remittance_files"], rows["remit_claims"], rows["remit_lines"], rows["remit_adjustments"]));
        Assert.Equal(0L, (await Server.Admin.GetStatusAsync(new GetStatusRequest())).Store.RemittanceFiles);
    }

    private static IngestRemittanceRequest Request(byte[] content) => new() { Content = ByteString.CopyFrom(content), FileName = "large.835" };

    /// <summary>An 835 of <paramref name="claims"/> claims no scrub sent, two lines each, under the 4 MiB default limit.</summary>
    private static byte[] LargeFile(int claims) => Encoding.ASCII.GetBytes(new Remittance835Writer(5).Write(
    [
        .. Enumerable.Range(0, claims).Select(i => new RemitClaimSpec($"LARGE-{i:D6}", "1", $"ICN{i}",
        [
            new RemitLineSpec("1", "99213", [], new DateOnly(2026, 7, 20), 100m, 80m, [("CO", "45", 20m)]),
            new RemitLineSpec("2", "93000", [], new DateOnly(2026, 7, 20), 50m, 0m, [("CO", "97", 50m)]),
        ], new RemitPatient("DOE", "JANE", "M1"))),
    ], new DateOnly(2026, 8, 14)));
}
