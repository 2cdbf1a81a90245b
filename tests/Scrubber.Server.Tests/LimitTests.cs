using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Options;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;

namespace Scrubber.Server.Tests;

/// <summary>The limits on what one call may send, and deadlines: refused with a reason, and the service keeps serving.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task ScrubClaim_FieldsLongerThanMaxFieldLength_AreInvalidArgumentNamingEach()
    {
        await using var server = await RunningServer.StartAsync("--Scrub:MaxFieldLength=40");
        var claim = ProtoClaims.Of("2026-07-01", "0001U", "0030U");
        claim.PatientId = new string('P', 41);
        claim.Lines[1].DiagnosisCodes.Add(new string('D', 100_000));

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Scrubber.ScrubClaimAsync(claim.Request()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(["claim.patient_id", "claim.lines[1].diagnosis_codes[1]"], fields.Select(f => f.Field));
        Assert.All(fields, f => Assert.Contains("at most 40 are accepted (setting Scrub:MaxFieldLength)", f.Description, StringComparison.Ordinal));
        Assert.DoesNotContain(new string('P', 41), ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScrubClaim_MessageOverMaxReceiveMessageSize_IsResourceExhaustedAndTheServiceKeepsServing()
    {
        await using var server = await RunningServer.StartAsync("--Grpc:MaxReceiveMessageSizeBytes=65536");
        var huge = ProtoClaims.Of("2026-07-01", "0001U");
        huge.PayerId = new string('X', 70_000);

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Scrubber.ScrubClaimAsync(huge.Request()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        await AssertStillServing(server);
    }

    [Theory]
    [InlineData("--Grpc:MaxReceiveMessageSizeBytes=100", "MaxReceiveMessageSizeBytes")]
    [InlineData("--Scrub:MaxFieldLength=0", "MaxFieldLength")]
    [InlineData("--Outcomes:MaxRemittanceBytes=-1", "MaxRemittanceBytes")]
    [InlineData("--Packs:MaxEvaluationMilliseconds=0", "MaxEvaluationMilliseconds")]
    [InlineData("--Packs:MaxExpressionLength=2001", "MaxExpressionLength")]
    [InlineData("--Packs:MaxEvaluationCost=0", "MaxEvaluationCost")]
    [InlineData("--Packs:MaxListItems=0", "MaxListItems")]
    public async Task Start_LimitOutOfRange_FailsValidationNamingTheSetting(string setting, string name)
    {
        using var data = new TempDirectory();

        // The gRPC limit is read while the services are mapped, before the host starts; either way the service does not run.
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = ScrubberApp.Create([.. RunningServer.DefaultArgs, $"--Audit:Path={data.File("a.db")}", setting]);
            await app.StartAsync();
        });

        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme-commercial", "on a claim of 10 lines (Scrub:MaxLinesPerClaim), more than Packs:MaxEvaluationCost (100)", "--Packs:MaxEvaluationCost=100", "--Scrub:MaxLinesPerClaim=10")]
    [InlineData("acme-commercial", "more than Packs:MaxExpressionLength (20)", "--Packs:MaxExpressionLength=20")]
    [InlineData("acme-commercial", "more than Packs:MaxListItems (1)", "--Packs:MaxListItems=1")]
    public async Task Start_PackLimitsFromTheSettings_RefuseAShippedPackOverThemNamingTheSetting(string packId, string refusal, params string[] settings)
    {
        // The shipped packs load under the defaults; lowered limits must reach the loader of the running host.
        await using var server = await RunningServer.StartAsync(settings);

        var status = await server.Admin.GetStatusAsync(new V1.GetStatusRequest());
        for (var waited = 0; status.PackRejections.Count == 0 && waited < 300; waited++)
        {
            await Task.Delay(100);
            status = await server.Admin.GetStatusAsync(new V1.GetStatusRequest());
        }

        var rejection = Assert.Single(status.PackRejections, r => r.PackId == packId);
        Assert.Contains(rejection.Errors, e => e.Contains(refusal, StringComparison.Ordinal));
        Assert.DoesNotContain(status.Packs, p => p.Id == packId);
        await AssertStillServing(server);
    }

    [Fact]
    public async Task ScrubClaim_DeadlineAlreadyPassed_IsDeadlineExceededAndTheServiceKeepsServing()
    {
        await using var server = await RunningServer.StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Scrubber.ScrubClaimAsync(
            ProtoClaims.Of("2026-07-01", "0001U", "0030U").Request(), deadline: DateTime.UtcNow.AddSeconds(-1)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await AssertStillServing(server);
    }

    [Fact]
    public async Task ScrubClaims_StreamOutlivingItsDeadline_IsDeadlineExceededOnTheServerAndTheServiceKeepsServing()
    {
        await using var server = await RunningServer.StartAsync();
        using var call = server.Scrubber.ScrubClaims(deadline: DateTime.UtcNow.AddMilliseconds(300));

        // The request stream is never completed: only the deadline can end this call. On a busy machine the deadline
        // may pass during the first write, which the client then fails as cancelled; the call's own status, read from
        // the response stream, still says why it ended.
        try
        {
            await call.RequestStream.WriteAsync(ProtoClaims.Of("2026-07-01", "0001U", "0030U").Request());
        }
        catch (RpcException)
        {
        }

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await AssertStillServing(server);
    }

    private static async Task AssertStillServing(RunningServer server)
    {
        var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        var response = await server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-07-01", "0001U", "0030U").Request());
        Assert.NotEmpty(response.ScrubId);
    }
}
