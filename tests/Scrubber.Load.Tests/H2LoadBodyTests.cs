using System.Buffers.Binary;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Load.Tests;

/// <summary><c>scrubber-load h2load-body</c>: the bytes h2load sends are one gRPC-framed request, and the default claim
/// hits the edits it says it does on the real host with the sample tables and packs.</summary>
public sealed class H2LoadBodyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task DefaultBody_IsOneFramedScrubRequest_OfSixLinesWithNoPatient()
    {
        using var folder = new TempDirectory();
        var run = await LoadRun.RunAsync("h2load-body", "--out", folder.File("scrub.bin"));

        Assert.Equal(0, run.ExitCode);
        var request = ScrubClaimRequest.Parser.ParseFrom(Unframe(await File.ReadAllBytesAsync(folder.File("scrub.bin"))));
        Assert.Equal(6, request.Claim.Lines.Count);
        Assert.Empty(request.Claim.PatientId);
    }

    [Fact]
    public async Task PingBody_IsAnEmptyFramedMessage()
    {
        using var folder = new TempDirectory();
        var run = await LoadRun.RunAsync("h2load-body", "--rpc", "ping", "--out", folder.File("ping.bin"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new byte[5], await File.ReadAllBytesAsync(folder.File("ping.bin")));
    }

    [Fact]
    public async Task ClaimFile_IsSentWithoutItsPatientId()
    {
        using var folder = new TempDirectory();
        var sample = Path.Combine(RepositoryPaths.Root, "tools", "samples", "claims", "acme-ecg-with-visit.json");
        var run = await LoadRun.RunAsync("h2load-body", "--claim", sample, "--out", folder.File("scrub.bin"));

        Assert.Equal(0, run.ExitCode);
        var request = ScrubClaimRequest.Parser.ParseFrom(Unframe(await File.ReadAllBytesAsync(folder.File("scrub.bin"))));
        Assert.Equal("DEMO-0004", request.Claim.ClaimId);
        Assert.Empty(request.Claim.PatientId);
    }

    [Fact]
    public async Task ClaimAndPairs_ExitsTwo()
    {
        var run = await LoadRun.RunAsync("h2load-body", "--out", "x.bin", "--claim", "a.json", "--pairs", "p.tsv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--claim and --pairs", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleClaim_HitsPtpBypassMueAndPackEdits()
    {
        var response = await fixture.Server.Scrubber.ScrubClaimAsync(new ScrubClaimRequest { Claim = H2LoadBody.SampleClaim() });

        Assert.Equal(Disposition.HardStop, response.Disposition);
        Assert.Equal(
            ["MUE_UNITS_EXCEEDED", "NCCI_PTP", "NCCI_PTP_BYPASSED", "PAYER_BUNDLE"],
            response.Edits.Select(e => e.EditType).Order(StringComparer.Ordinal));
        Assert.StartsWith("acme-commercial@", response.Pack, StringComparison.Ordinal);
    }

    private static byte[] Unframe(byte[] body)
    {
        Assert.Equal(0, body[0]);
        Assert.Equal((uint)(body.Length - 5), BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4)));
        return body[5..];
    }
}
