using Scrubber.Core.Packs;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>A pack is refused at load by a cost computed from the pack and Scrub:MaxLinesPerClaim, never by a clock:
/// the same pack gets the same answer on any machine, however busy.</summary>
public sealed class PackCostTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [MemberData(nameof(SamplePackTests.SamplePackIds), MemberType = typeof(SamplePackTests))]
    public void Load_ShippedPack_CostsUnderATenthOfTheDefaultLimit(string packId)
    {
        var pack = PackLoader.Load(Path.Combine(RepositoryPaths.Packs, packId)).Pack!;

        Assert.InRange(pack.EvaluationCost, 1, PackLimits.Default.MaxEvaluationCost / 10);
    }

    [Fact]
    public void Load_PackOverMaxEvaluationCost_IsRefusedNamingTheCostAndItsCostliestRules()
    {
        // 200 rules with no codes run on every line, each walking a 60-item modifier list (60 × 4 units): about
        // 200 × 243 × 50 lines = 2.4 million.
        var folder = SyntheticPacks.WriteLineRules(_root.Path, "costly", "COSTLY01", 200, null, $"!line.HasAnyModifier(\"{ModifierList(60)}\")");

        var result = PackLoader.Load(folder);

        Assert.Null(result.Pack);
        var error = Assert.Single(result.Errors);
        Assert.Equal((Path.Combine(folder, "pack.json"), null), (error.File, error.Rule));
        Assert.Matches(@"^the pack costs 2,4\d\d,\d{3} to evaluate on a claim of 50 lines \(Scrub:MaxLinesPerClaim\), more than Packs:MaxEvaluationCost \(1,000,000\); " +
                       @"the costliest rules: rule-\d{3} \(12,\d{3}\), ", error.Message);
    }

    [Fact]
    public void Load_SamePackTwice_CostsTheSame_AndALimitAboveItLetsItIn()
    {
        var folder = SyntheticPacks.WriteLineRules(_root.Path, "costly", "COSTLY01", 200, null, $"!line.HasAnyModifier(\"{ModifierList(60)}\")");
        var limits = PackLimits.Default with { MaxEvaluationCost = 10_000_000 };

        var first = PackLoader.Load(folder, limits).Pack!;
        var second = PackLoader.Load(folder, limits).Pack!;

        Assert.Equal(first.EvaluationCost, second.EvaluationCost);
        Assert.InRange(first.EvaluationCost, 2_400_000, 2_500_000);
    }

    [Fact]
    public void Cost_GrowsWithMaxLinesPerClaim_AndPairRulesWithTheOtherLines()
    {
        var folder = SyntheticPacks.WriteLineRules(_root.Path, "one-rule", "ONE01", 1, "99213", "line.Units > 1");

        var at50 = PackLoader.Load(folder).Pack!.EvaluationCost;
        var at100 = PackLoader.Load(folder, PackLimits.Default with { MaxLinesPerClaim = 100 }).Pack!.EvaluationCost;

        // One line rule of weight 4 (>, Units, line, 1) on every line of the worst claim.
        Assert.Equal((4 * 50, 4 * 100), (at50, at100));
    }

    [Fact]
    public void Load_RuleWithMoreCodesThanMaxListItems_IsRefusedNamingTheField()
    {
        var folder = SyntheticPacks.WriteLineRules(_root.Path, "one-rule", "ONE01", 1, "99213", "true");
        PackFiles.Edit(folder, p => PackFiles.FirstRule(p)["codes"] = new System.Text.Json.Nodes.JsonArray([.. Enumerable.Range(99201, 101).Select(c => (System.Text.Json.Nodes.JsonNode)c.ToString(System.Globalization.CultureInfo.InvariantCulture))]));

        var error = Assert.Single(PackLoader.Load(folder).Errors);

        Assert.Equal(("rule-001", "codes: 101 entries, more than Packs:MaxListItems (100); use ranges such as 99202-99215"), (error.Rule, error.Message));
    }

    private static string ModifierList(int items) => string.Join(' ', Enumerable.Range(0, items).Select(i => $"Q{i % 10}{(char)('A' + (i / 10))}"));
}
