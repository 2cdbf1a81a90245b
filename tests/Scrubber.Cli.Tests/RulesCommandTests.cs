using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary>The rule author's commands, on the shipped packs and on broken copies.</summary>
public sealed class RulesCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Lint_ShippedPacks_AreAllOk()
    {
        var run = await CliRun.RunAsync("rules", "lint", RepositoryPaths.Packs);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"ok    acme-commercial@[0-9a-f]{12}: 7 rules, 12 examples, payers ACME01, ACME02, cost [\d,]+ of 1,000,000", run.Out);
        Assert.Contains("ok    mindwell-behavioral@", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_BrokenPack_ListsEachErrorAndExitsOne()
    {
        var pack = PackFiles.CopySample("acme-commercial", _temp.Path);
        PackFiles.Edit(pack, p => PackFiles.FirstRule(p)["expression"] = "System.IO.File.Exists(\"/etc/passwd\")");

        var run = await CliRun.RunAsync("rules", "lint", pack);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains("error acme-commercial:", run.Out, StringComparison.Ordinal);
        Assert.Contains("rule 'ecg-with-office-visit-needs-25': expression refused: 'System' is not part of the rule vocabulary", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x7fffffff.GetType() != null", "'GetType' is used on the literal 2147483647")]
    [InlineData("1e5.GetType() != null", "'GetType' is used on the literal 100000")]
    [InlineData("1.0.Equals(1.0)", "'Equals' is used on the literal 1")]
    public async Task Lint_MemberCalledOnANumberLiteral_IsRefusedNamingTheFileRuleAndNode(string expression, string refusal)
    {
        var pack = PackFiles.CopySample("acme-commercial", _temp.Path);
        PackFiles.Edit(pack, p => PackFiles.FirstRule(p)["expression"] = expression);

        var run = await CliRun.RunAsync("rules", "lint", pack);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains($"{Path.Combine(pack, "pack.json")}: rule 'ecg-with-office-visit-needs-25': expression refused: {refusal}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_GeneratedCostlyPack_IsRefusedByItsComputedCost()
    {
        var folder = Path.Combine(_temp.Path, "costly");
        var generate = await CliRun.RunAsync("rules", "generate", "--costly", "--rules", "100", "--list-items", "60", "--payer", "COSTLY01", "--out", folder);
        Assert.Equal(ExitCodes.Ok, generate.ExitCode);

        var run = await CliRun.RunAsync("rules", "lint", folder);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Matches(@"pack\.json: the pack costs 1,2\d\d,\d{3} to evaluate on a claim of 50 lines \(Scrub:MaxLinesPerClaim\), more than Packs:MaxEvaluationCost \(1,000,000\)", run.Out);
    }

    [Fact]
    public async Task Generate_CostlyAndPairsTogether_ExitsTwoSayingWhichToGive()
    {
        var run = await CliRun.RunAsync("rules", "generate", "--costly", "--pairs", "x.tsv", "--out", Path.Combine(_temp.Path, "p"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Give either --pairs (rules on code pairs) or --costly", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ShippedPacks_PassPerExampleAndPerRule()
    {
        var run = await CliRun.RunAsync("rules", "test", RepositoryPaths.Packs);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("  pass  ecg-with-visit-without-25.json", run.Out, StringComparison.Ordinal);
        Assert.Contains("  rule psychotherapy-add-on-needs-em: pass", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ExampleThatNoLongerHolds_FailsNamingItAndTheRule()
    {
        var pack = PackFiles.CopySample("mindwell-behavioral", _temp.Path);
        PackFiles.Edit(pack, p => p["rules"]![0]!["expression"] = "line.HasModifier(\"GT\")");

        var run = await CliRun.RunAsync("rules", "test", pack, "--practitioner", RepositoryPaths.PractitionerExcerpt);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains("  FAIL  individual-and-family-same-day.json", run.Out, StringComparison.Ordinal);
        Assert.Contains("expected rule family-psychotherapy-same-day-as-individual on line 2 (Warning) but the pack did not raise it", run.Out, StringComparison.Ordinal);
        Assert.Contains("  rule family-psychotherapy-same-day-as-individual: FAIL", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_AcmeClaim_ShowsWhichRulesRanAndFired()
    {
        var claim = _temp.File("claim.json");
        await File.WriteAllTextAsync(claim, """
            { "claimId": "EXPLAIN-1", "payerId": "ACME01", "billingProviderNpi": "1234567893", "lines": [
              { "lineId": "1", "procedureCode": "99213", "modifiers": ["25"], "serviceDate": "2026-07-14", "charge": "120.00", "units": 1 },
              { "lineId": "2", "procedureCode": "93000", "serviceDate": "2026-07-14", "charge": "45.00", "units": 1 },
              { "lineId": "3", "procedureCode": "93015", "serviceDate": "2026-07-14", "charge": "400.00", "units": 1 } ] }
            """);

        var run = await CliRun.RunAsync("rules", "explain", claim, "--packs", RepositoryPaths.Packs);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"Claim EXPLAIN-1, payer ACME01: pack acme-commercial@[0-9a-f]{12}", run.Out);
        Assert.Contains("ecg-with-office-visit-needs-25 on line 2, other 1: did not fire (expression false)", run.Out, StringComparison.Ordinal);
        Assert.Contains("ecg-with-stress-test-separate-encounter on line 2, other 3: fired", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("egd-with-colonoscopy", run.Out, StringComparison.Ordinal);
        Assert.Contains("[Warning] PAYER_BUNDLE line 2", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mue-units-over-limit.json", "[HardStop] MUE_UNITS_EXCEEDED line 1 — mue-practitioner-2026-07-01")]
    [InlineData("add-on-without-primary.json", "[HardStop] ADDON_WITHOUT_PRIMARY line 1 — AOC_V2026Q3")]
    public async Task Explain_SampleClaim_GivesTheMueAndAddOnEditsTheServiceWould(string sample, string edit)
    {
        var run = await CliRun.RunAsync("rules", "explain", Path.Combine(RepositoryPaths.Root, "tools", "samples", "claims", sample), "--packs", RepositoryPaths.Packs);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(edit, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_InvalidClaim_NamesTheFieldAndExitsOne()
    {
        var claim = _temp.File("claim.json");
        await File.WriteAllTextAsync(claim, """{ "claimId": "E", "payerId": "ACME01", "billingProviderNpi": "1234567893", "lines": [ { "lineId": "1", "procedureCode": "9", "serviceDate": "2026-07-14", "charge": "1", "units": 1 } ] }""");

        var run = await CliRun.RunAsync("rules", "explain", claim, "--packs", RepositoryPaths.Packs);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains($"{claim}: claim.lines[0].procedure_code '9' is not a HCPCS code", run.Error, StringComparison.Ordinal);
    }
}
