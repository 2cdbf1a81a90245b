using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary>scrubctl commands that call the service, against the real host.</summary>
public sealed class ServiceCommandTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static string Sample(string name) => Path.Combine(RepositoryPaths.Root, "tools", "samples", "claims", name);

    [Fact]
    public async Task Scrub_SampleHardStopClaim_PrintsTheEditAndAdvice()
    {
        var run = await CliRun.RunAsync("scrub", Sample("indicator-0-hard-stop.json"), "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Claim DEMO-0001: HARD STOP", run.Out, StringComparison.Ordinal);
        Assert.Contains("[HARD STOP] NCCI_PTP 0001A/36591 line 2 (with 1)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_SampleEmClaimAsJson_PrintsProtobufJson()
    {
        var run = await CliRun.RunAsync("scrub", Sample("em-with-procedure-warning.json"), "--server", fixture.Server.Address, "--format", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("\"disposition\": \"DISPOSITION_WARNINGS\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"modifier\": \"25\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_SampleBypassedClaim_IsClean()
    {
        var run = await CliRun.RunAsync("scrub", Sample("bypassed-by-xs.json"), "--server", fixture.Server.Address);

        Assert.Contains("Claim DEMO-0003: CLEAN", run.Out, StringComparison.Ordinal);
        Assert.Contains("NCCI_PTP_BYPASSED", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_InvalidClaim_ListsEachFieldAndExitsOne()
    {
        using var temp = new TempDirectory();
        var path = temp.File("claim.json");
        await File.WriteAllTextAsync(path, """{ "claimId": "X", "billingProviderNpi": "1234567893", "lines": [ { "lineId": "1", "procedureCode": "99", "serviceDate": "2026-01-01", "charge": "1", "units": 1 } ] }""");

        var run = await CliRun.RunAsync("scrub", path, "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains("claim.lines[0].procedure_code: '99' is not a HCPCS code", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_FileThatIsNotAClaim_NamesTheFile()
    {
        using var temp = new TempDirectory();
        var path = temp.File("claim.json");
        await File.WriteAllTextAsync(path, """{ "claimNumber": 7 }""");

        var run = await CliRun.RunAsync("scrub", path, "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.StartsWith($"{path}: not a claim in protobuf JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_NoServiceListening_ExitsThree()
    {
        var run = await CliRun.RunAsync("scrub", Sample("bypassed-by-xs.json"), "--server", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Contains("is not available", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_PrintsEachLoadedRelease()
    {
        var run = await CliRun.RunAsync("status", "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("ccipra-v322r0", run.Out, StringComparison.Ordinal);
        Assert.Contains("ccioph-v323r0", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesReload_RunningService_ListsTheLivePacks()
    {
        var run = await CliRun.RunAsync("rules", "reload", "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"live  acme-commercial@[0-9a-f]{12} \(3 rules, 6 examples\) for ACME01, ACME02", run.Out);
    }
}
