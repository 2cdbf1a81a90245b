using System.Text.Json.Nodes;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>A pack's modifier advice keeps the product's own modifier rules and always names a real line: 25 is never
/// suggested on a line that is not a visit, and a claim rule's suggestion goes on a line the rule names.</summary>
public sealed class PackSuggestionTests : IDisposable
{
    private const string VisitRule = "ecg-with-office-visit-needs-25";
    private readonly TempDirectory _temp = new();
    private readonly string _pack;

    public PackSuggestionTests() => _pack = PackFiles.CopySample("acme-commercial", _temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TwentyFiveOnTheOtherLine_IsKeptOnAVisit_AndDroppedOnAProcedureWithTheEditKept()
    {
        // The rule now also runs beside a stress test, which cannot take 25.
        PackFiles.Edit(_pack, p => PackFiles.FirstRule(p)["otherCodes"] = new JsonArray("99202-99215", "93015"));
        var pack = Loaded();

        var visit = RuleEdit(pack, new ClaimBuilder().For("C1", payerId: "ACME01").On("2026-07-14").Line("99213").Line("93000"));
        var procedure = RuleEdit(pack, new ClaimBuilder().For("C2", payerId: "ACME01").On("2026-07-14").Line("93015").Line("93000"));

        Assert.Equal(("25", "L1", "C1", RecommendedAction.AddModifier),
            (Assert.Single(visit.SuggestedModifiers).Modifier, visit.SuggestedModifiers[0].LineId, visit.SuggestedModifiers[0].ClaimId, visit.Action));
        Assert.Equal(("L2", "L1"), (procedure.LineId, procedure.RelatedLineId));
        Assert.Empty(procedure.SuggestedModifiers);
        Assert.Equal(RecommendedAction.Review, procedure.Action);
    }

    [Fact]
    public void TwentyFiveOnLinesWhoseCodesNeverTakeIt_IsAWarningWhenThePackLoads()
    {
        PackFiles.Edit(_pack, p => PackFiles.FirstRule(p)["edit"]!["suggest"]![0]!["on"] = "line");

        var pack = Loaded();

        var warning = Assert.Single(pack.Warnings);
        Assert.Equal(VisitRule, warning.Rule);
        Assert.Contains("25 is valid only on the codes of em-25-eligible, and none of the rule's codes is one", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedPacks_HaveNoSuggestionWarnings()
    {
        Assert.All(SamplePacks.Set.Packs, p => Assert.Empty(p.Warnings));
    }

    [Fact]
    public void ClaimRuleWithoutCodes_SuggestingAModifier_IsRefusedNamingTheRule()
    {
        AddClaimRule(codes: null);

        var errors = PackLoader.Load(_pack).Errors;

        Assert.Contains(errors, e => e.Rule == "too-many-lines" &&
            e.Message.Contains("a claim rule without codes has no line for XU to go on", StringComparison.Ordinal));
    }

    [Fact]
    public void ClaimRuleWithCodes_PutsItsSuggestionOnTheFirstLineWithOne()
    {
        AddClaimRule(codes: "93000");
        var pack = Loaded();

        var result = new ClaimScrubber(new ScrubOptions()).Scrub(
            new ClaimBuilder().For("C3", payerId: "ACME01").On("2026-07-14").Line("85025").Line("93000").Line("80053").Build(), SampleTables.Snapshot, pack);

        var edit = Assert.Single(result.Edits, e => e.Rule == "too-many-lines");
        Assert.Equal(("L2", "XU", "L2", "C3"), (edit.LineId, edit.SuggestedModifiers.Single().Modifier, edit.SuggestedModifiers[0].LineId, edit.SuggestedModifiers[0].ClaimId));
    }

    private CompiledPack Loaded()
    {
        var result = PackLoader.Load(_pack);
        Assert.Empty(result.Errors);
        return result.Pack!;
    }

    private static Edit RuleEdit(CompiledPack pack, ClaimBuilder claim) =>
        Assert.Single(new ClaimScrubber(new ScrubOptions()).Scrub(claim.Build(), SampleTables.Snapshot, pack).Edits, e => e.Rule == VisitRule);

    /// <summary>Adds a claim rule that suggests XU, with an example that shows it firing.</summary>
    private void AddClaimRule(string? codes)
    {
        PackFiles.Edit(_pack, p => p["rules"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "too-many-lines",
            ["scope"] = "claim",
            ["codes"] = codes is null ? new JsonArray() : new JsonArray(codes),
            ["expression"] = "claim.LineCount > 2",
            ["edit"] = new JsonObject
            {
                ["severity"] = "warning",
                ["message"] = "Acme reviews claims of more than two lines.",
                ["suggest"] = new JsonArray(new JsonObject { ["modifier"] = "XU", ["reason"] = "The service was distinct." }),
            },
        }));
        File.WriteAllText(Path.Combine(_pack, "examples", "too-many-lines.json"), """
            {
              "description": "Three lines: the claim rule fires.",
              "claim": { "claimId": "ACME-EX-9", "payerId": "ACME01", "billingProviderNpi": "1234567893", "lines": [
                { "lineId": "1", "procedureCode": "85025", "serviceDate": "2026-07-14", "charge": "20.00", "units": 1 },
                { "lineId": "2", "procedureCode": "93000", "serviceDate": "2026-07-14", "charge": "45.00", "units": 1 },
                { "lineId": "3", "procedureCode": "80053", "serviceDate": "2026-07-14", "charge": "30.00", "units": 1 } ] },
              "expect": [ { "rule": "too-many-lines", "line": "2", "severity": "warning" } ]
            }
            """);
    }
}
