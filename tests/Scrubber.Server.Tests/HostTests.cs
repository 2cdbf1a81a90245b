using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scrubber.Server.Ncci;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>The host itself: health, reflection, status, settings validation and start-up failures.</summary>
public sealed class HostTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Health_AfterTablesLoad_IsServing()
    {
        var reply = await new Health.HealthClient(fixture.Server.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task HealthCheck_BeforeTablesLoad_IsUnhealthy()
    {
        var check = new NcciHealthCheck(new LiveNcciTables());

        var result = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task Reflection_ListsTheScrubberServices()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Server.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("scrubber.v1.ClaimScrubber", services);
        Assert.Contains("scrubber.v1.Admin", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task GetStatus_ReportsEachTableVersionPartsAndRows()
    {
        var status = await fixture.Server.Admin.GetStatusAsync(new GetStatusRequest());

        Assert.NotEmpty(status.LoadedAt);
        var practitioner = Assert.Single(status.NcciTables, t => t.Table == "practitioner");
        Assert.Equal(("ccipra-v322r0", 154L, 0L, "2026-07-01"), (practitioner.Version, practitioner.Rows, practitioner.MalformedRows, practitioner.AppliesFrom));
        Assert.Equal(["f1"], practitioner.Parts);
        var outpatient = Assert.Single(status.NcciTables, t => t.Table == "outpatient_hospital");
        Assert.Equal(("ccioph-v323r0", 2L), (outpatient.Version, outpatient.Rows));
    }

    [Fact]
    public async Task Start_MissingTablePath_FailsValidationNamingTheSetting()
    {
        using var data = new TempDirectory();
        await using var app = ScrubberApp.Create([.. RunningServer.DefaultArgs, $"--Audit:Path={data.File("a.db")}", "--Ncci:Practitioner:0=/nowhere/ccipra"]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Ncci:Practitioner:0: '/nowhere/ccipra' does not exist.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_IndicatorOneSeverityInfo_FailsValidation()
    {
        using var data = new TempDirectory();
        await using var app = ScrubberApp.Create([.. RunningServer.DefaultArgs, $"--Audit:Path={data.File("a.db")}", "--Scrub:IndicatorOneSeverity=Info"]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Scrub:IndicatorOneSeverity must be Warning or HardStop", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TableFileWithNoValidRow_StopsTheServiceWithAClearError()
    {
        using var temp = new TempDirectory();
        var bad = PtpFiles.Write(temp.File("ccipra-v322r0-f1.txt"), "this is not a PTP row", "neither\tis\tthis");
        var logs = new LogCapture();
        await using var app = ScrubberApp.Create(
            [.. RunningServer.DefaultArgs, $"--Audit:Path={temp.File("a.db")}", $"--Ncci:Practitioner:0={bad}"],
            b => b.Logging.AddProvider(logs));
        var stopped = new TaskCompletionSource();
        app.Lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());

        try
        {
            await app.StartAsync();
        }
        catch (OperationCanceledException)
        {
            // The load may fail before Kestrel has bound: the host then cancels its own start.
        }

        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains(bad, StringComparison.Ordinal) && l.Contains("no valid PTP row", StringComparison.Ordinal));
        var live = app.Services.GetRequiredService<LiveNcciTables>();
        Assert.Null(live.Current);
        Assert.Contains("no valid PTP row", live.LoadFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MalformedRows_AreLoggedWithFileAndLine()
    {
        using var temp = new TempDirectory();
        var table = PtpFiles.Write(temp.File("ccipra-v322r0-f1.txt"),
            PtpFiles.Row("0001U", "0030U", "20180701", "*", "1"),
            PtpFiles.Row("0001U", "0034U", "20180701", "*", "7"));

        await using var server = await RunningServer.StartAsync($"--Ncci:Practitioner:0={table}");

        Assert.Contains(server.Logs.Lines, l => l.Contains($"{table}:8: modifier indicator '7' is not 0, 1 or 9", StringComparison.Ordinal));
        Assert.Equal(1, Assert.Single((await server.Admin.GetStatusAsync(new GetStatusRequest())).NcciTables, t => t.Table == "practitioner").MalformedRows);
    }
}
