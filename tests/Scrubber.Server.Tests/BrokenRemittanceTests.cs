using System.Text;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;
using Scrubber.V1;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>Broken 835s through the running service: INVALID_ARGUMENT saying where, and not one row of the audit
/// file changed (each file is one transaction, all of it or nothing).</summary>
public sealed class BrokenRemittanceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private RunningServer Server => fixture.Server;

    [Theory]
    [InlineData("truncated", "byte ")]
    [InlineData("binary", "byte ")]
    [InlineData("one endless segment", "byte ")]
    [InlineData("second transaction broken", "byte ")]
    [InlineData("larger than Outcomes:MaxRemittanceBytes", "setting Outcomes:MaxRemittanceBytes")]
    public async Task IngestRemittance_BrokenFile_IsInvalidArgumentSayingWhereAndChangesNoRow(string problem, string where)
    {
        var (first, _) = await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of("2026-07-20", "0001U", "0030U"));
        var (second, _) = await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of("2026-07-21", "99213", "93000"));
        var content = Broken(problem, first, second);
        var before = AuditFile.RowCounts(Server.DatabasePath);

        var ex = await Assert.ThrowsAsync<RpcException>(() => new OutcomesClient(Server.Channel)
            .IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFrom(content), FileName = $"{problem}.835" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("content", violation.Field);
        Assert.Contains(where, violation.Description, StringComparison.Ordinal);
        Assert.Equal(before, AuditFile.RowCounts(Server.DatabasePath));
    }

    [Fact]
    public async Task IngestRemittance_GoodFileAfterBrokenOnes_IsIngested()
    {
        var (claim, _) = await SentClaims.ScrubAndConfirm(Server, ProtoClaims.Of("2026-07-22", "0001U", "0030U"));
        var outcomes = new OutcomesClient(Server.Channel);
        await Assert.ThrowsAsync<RpcException>(() => outcomes.IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFrom(Binary()) }).ResponseAsync);

        var response = await outcomes.IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(Write(claim, seed: 3)) });

        Assert.Equal(1, response.MatchedClaims);
    }

    private static byte[] Broken(string problem, Claim first, Claim second)
    {
        var good = Encoding.ASCII.GetBytes(Write(first, seed: 1));
        return problem switch
        {
            "truncated" => good[..(good.Length * 6 / 10)],
            "binary" => Binary(),
            "one endless segment" => [.. good[..106], .. Enumerable.Repeat((byte)'A', 3 * 1024 * 1024)],
            "second transaction broken" => Encoding.ASCII.GetBytes(TwoTransactions(Write(first, seed: 1), Write(second, seed: 2))),
            _ => [.. good, .. Enumerable.Repeat((byte)' ', 5 * 1024 * 1024)],
        };
    }

    /// <summary>64 KiB of seeded random bytes.</summary>
    private static byte[] Binary()
    {
        var bytes = new byte[64 * 1024];
        new Random(835).NextBytes(bytes);
        return bytes;
    }

    private static string Write(Claim claim, int seed) =>
        new Remittance835Writer(seed).Write([RemitSpecs.DeniedSecondLine(claim, "ICN-" + claim.ClaimId)], new DateOnly(2026, 8, 14));

    /// <summary>One interchange of two transactions: <paramref name="good"/>'s, then <paramref name="other"/>'s with a
    /// CLP whose charge is not a number. Nothing of the good first one may be ingested.</summary>
    private static string TwoTransactions(string good, string other)
    {
        string[] Segments(string text) => text.Split("~\n", StringSplitOptions.RemoveEmptyEntries);
        var first = Segments(good);
        var second = Segments(other);
        var transaction = second.SkipWhile(s => !s.StartsWith("ST*", StringComparison.Ordinal)).TakeWhile(s => !s.StartsWith("GE*", StringComparison.Ordinal))
            .Select(s => s.StartsWith("ST*", StringComparison.Ordinal) ? "ST*835*0002"
                : s.StartsWith("SE*", StringComparison.Ordinal) ? s.Replace("*0001", "*0002", StringComparison.Ordinal)
                : s.StartsWith("CLP*", StringComparison.Ordinal) ? string.Join('*', s.Split('*').Select((e, i) => i == 3 ? "12X.00" : e))
                : s);
        var beforeGe = first.TakeWhile(s => !s.StartsWith("GE*", StringComparison.Ordinal));
        var afterGe = first.SkipWhile(s => !s.StartsWith("GE*", StringComparison.Ordinal)).Skip(1);
        return string.Concat(beforeGe.Concat(transaction).Append("GE*2*1").Concat(afterGe).Select(s => s + "~\n"));
    }
}
