using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary>scrubctl commands that call the service, against the real host.</summary>
public sealed class ServiceCommandTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static string Sample(string name) => Path.Combine(RepositoryPaths.Root, "tools", "samples", "claims", name);

    [Fact]
    public async Task Scrub_SampleMueClaim_PrintsTheUnitsEditAndTheLineNotEvaluated()
    {
        var run = await CliRun.RunAsync("scrub", Sample("mue-units-over-limit.json"), "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("[HARD STOP] MUE_UNITS_EXCEEDED 0009U line 1 — mue-practitioner-2026-07-01", run.Out, StringComparison.Ordinal);
        Assert.Contains("Units not evaluated (no MUE row for the code in the table of the claim's setting) on line 2.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_SampleAddOnClaim_PrintsTheMissingPrimary()
    {
        var run = await CliRun.RunAsync("scrub", Sample("add-on-without-primary.json"), "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("[HARD STOP] ADDON_WITHOUT_PRIMARY line 1 — AOC_V2026Q3", run.Out, StringComparison.Ordinal);
        Assert.Contains("11042", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_SampleVisitWithAMinorProcedure_PrintsTheGlobalPeriodAnd25()
    {
        var run = await CliRun.RunAsync("scrub", Sample("visit-with-minor-procedure-needs-25.json"), "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("[HARD STOP] GLOBAL_PERIOD 11042/99213 line 2 (with 1) — scrubber/global-surgery", run.Out, StringComparison.Ordinal);
        Assert.Contains("consider 25 on 2", run.Out, StringComparison.Ordinal);
    }

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
        var run = await CliRun.RunAsync("scrub", Sample("em-with-procedure-needs-25.json"), "--server", fixture.Server.Address, "--format", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("\"disposition\": \"DISPOSITION_HARD_STOP\"", run.Out, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("indicator-0-hard-stop.json", "hard-stop", ExitCodes.Problems)]
    [InlineData("em-with-procedure-needs-25.json", "hard-stop", ExitCodes.Problems)]
    [InlineData("acme-ecg-with-visit.json", "hard-stop", ExitCodes.Ok)]
    [InlineData("acme-ecg-with-visit.json", "warning", ExitCodes.Problems)]
    [InlineData("indicator-0-hard-stop.json", "warning", ExitCodes.Problems)]
    [InlineData("bypassed-by-xs.json", "warning", ExitCodes.Ok)]
    public async Task Scrub_FailOn_ExitsOneWhenTheDispositionIsAtLeastTheLevel(string claim, string level, int expected)
    {
        var run = await CliRun.RunAsync("scrub", Sample(claim), "--fail-on", level, "--server", fixture.Server.Address);

        Assert.Equal(expected, run.ExitCode);
        Assert.StartsWith("Claim DEMO-", run.Out, StringComparison.Ordinal);
        Assert.Equal(expected == ExitCodes.Problems, run.Error.Contains($"meets --fail-on {level}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scrub_HardStopWithoutFailOn_ExitsZero()
    {
        var run = await CliRun.RunAsync("scrub", Sample("indicator-0-hard-stop.json"), "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Status_PrintsTheStoreCounts()
    {
        var scrub = await CliRun.RunAsync("scrub", Sample("bypassed-by-xs.json"), "--server", fixture.Server.Address);
        Assert.Equal(ExitCodes.Ok, scrub.ExitCode);

        var run = await CliRun.RunAsync("status", "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var store = Assert.Single(run.Out.Split('\n'), l => l.StartsWith("Store: ", StringComparison.Ordinal));
        var scrubs = System.Text.RegularExpressions.Regex.Match(store, @"^Store: ([\d,]+) scrubs, ([\d,]+) claims \(([\d,]+) confirmed\), ([\d,]+) remittance files");
        Assert.True(scrubs.Success, store);
        Assert.True(long.Parse(scrubs.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) >= 1, store);
    }

    [Fact]
    public async Task Status_PrintsEachLoadedRelease()
    {
        var run = await CliRun.RunAsync("status", "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("ccipra-v322r0", run.Out, StringComparison.Ordinal);
        Assert.Contains("ccioph-v323r0", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"fee schedule pfs-2026-07-01 +53 codes, 55 rows \(global 000/010/090 10/1/1; MMM/XXX/YYY/ZZZ 3/25/1/12\)  applies from 2026-07-01", run.Out);
    }

    [Fact]
    public async Task RulesReload_RunningService_ListsTheLivePacks()
    {
        var run = await CliRun.RunAsync("rules", "reload", "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"live  acme-commercial@[0-9a-f]{12} \(7 rules, 12 examples\) for ACME01, ACME02", run.Out);
    }

    [Fact]
    public async Task RemitIngest_GeneratedRemittanceForAScrubbedClaim_ReportsMatchesAndDenials()
    {
        using var temp = new TempDirectory();
        var claim = Sample("acme-ecg-with-visit.json");
        var scrub = await CliRun.RunAsync("scrub", claim, "--server", fixture.Server.Address);
        Assert.Equal(ExitCodes.Ok, scrub.ExitCode);
        var remit = temp.File("era.835");
        await File.WriteAllTextAsync(remit, new Scrubber.Generators.Remittance835Writer().Write(
        [
            new("DEMO-0004", "1", "ICN-4",
            [
                new("1", "99213", [], new DateOnly(2026, 7, 14), 120m, 96m, [("CO", "45", 24m)]),
                new("2", "93000", [], new DateOnly(2026, 7, 14), 45m, 0m, [("CO", "97", 45m)]),
            ]),
            new("NOT-SENT-1", "4", "ICN-5", [new(null, "99214", [], new DateOnly(2026, 7, 14), 150m, 0m, [("CO", "16", 150m)])]),
        ], new DateOnly(2026, 8, 14)));
        var notX12 = temp.File("note.txt");
        await File.WriteAllTextAsync(notX12, "not an 835");

        var run = await CliRun.RunAsync("remit", "ingest", remit, notX12, remit, "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains($"[1/3] {remit}: 2 claims, 3 lines, 2 lines matched, 1 NCCI-type denials, 0 reversals", run.Out, StringComparison.Ordinal);
        Assert.Contains("    unmatched claim NOT-SENT-1 (payer claim ICN-5): no scrubbed claim has this claim id (CLP01)", run.Out, StringComparison.Ordinal);
        Assert.Contains($"[2/3] {notX12}: refused, nothing ingested:", run.Error, StringComparison.Ordinal);
        Assert.Contains($"[3/3] {remit}: already ingested, nothing added", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\(file [0-9a-f]{64}\)", run.Out);
    }

    [Fact]
    public async Task NcciReload_PrintsTheTablesSwappedIn()
    {
        var run = await CliRun.RunAsync("ncci", "reload", "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Tables swapped in at ", run.Out, StringComparison.Ordinal);
        Assert.Contains("ccipra-v322r0", run.Out, StringComparison.Ordinal);
        Assert.Contains("ccioph-v323r0", run.Out, StringComparison.Ordinal);
    }
}
