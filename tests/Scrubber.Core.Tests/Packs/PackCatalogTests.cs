using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>Building the next pack set: a bad pack never replaces a good one, and the rejection says why.</summary>
public sealed class PackCatalogTests : IDisposable
{
    private static readonly DateTimeOffset T1 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddMinutes(5);
    private readonly TempDirectory _root = new();

    public PackCatalogTests() => PackFiles.CopyAllSamples(_root.Path);

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Load_AllSamplePacks_AreLiveByPayer()
    {
        var set = Load(PackSet.Empty, T1).Set;

        Assert.Empty(set.Rejections);
        Assert.Equal(["acme-commercial", "brightpath-health", "mindwell-behavioral"], set.Packs.Select(p => p.Id));
        Assert.Equal("acme-commercial", set.ForPayer("ACME02")?.Id);
        Assert.Null(set.ForPayer("MEDICARE"));
    }

    [Fact]
    public void Load_BrokenNewVersion_KeepsThePreviousVersionLiveAndRecordsWhy()
    {
        var first = Load(PackSet.Empty, T1).Set;
        var folder = Path.Combine(_root.Path, "acme-commercial");
        PackFiles.Edit(folder, p => PackFiles.FirstRule(p)["expression"] = "line.GetType() != null");

        var result = Load(first, T2);

        var live = Assert.Single(result.Set.Packs, p => p.Id == "acme-commercial");
        Assert.Same(first.Packs.Single(p => p.Id == "acme-commercial"), live);
        var rejection = Assert.Single(result.Set.Rejections);
        Assert.Equal(("acme-commercial", T2), (rejection.PackId, rejection.At));
        Assert.Contains(rejection.Errors, e => e.Rule == "ecg-with-office-visit-needs-25" && e.Message.StartsWith("expression refused", StringComparison.Ordinal));
        Assert.Contains($"acme-commercial: rejected; {live.Source} stays live", result.Changes);
    }

    [Fact]
    public void Load_NewVersionWhoseExampleFails_IsRejected()
    {
        var first = Load(PackSet.Empty, T1).Set;
        var folder = Path.Combine(_root.Path, "mindwell-behavioral");
        PackFiles.Edit(folder, p => p["rules"]![1]!["expression"] = "false");

        var result = Load(first, T2);

        var rejection = Assert.Single(result.Set.Rejections);
        Assert.Contains(rejection.Errors, e => e.File.EndsWith("add-on-without-em.json", StringComparison.Ordinal) && e.Message.Contains("did not raise it", StringComparison.Ordinal));
        Assert.Equal(first.ForPayer("MINDWELL"), result.Set.ForPayer("MINDWELL"));
    }

    [Fact]
    public void Load_GoodNewVersion_ReplacesTheOldOne()
    {
        var first = Load(PackSet.Empty, T1).Set;
        PackFiles.Edit(Path.Combine(_root.Path, "brightpath-health"), p => p["name"] = "BrightPath (2027 contract)");

        var result = Load(first, T2);

        var pack = result.Set.ForPayer("BRIGHT01")!;
        Assert.Equal("BrightPath (2027 contract)", pack.Name);
        Assert.NotEqual(first.ForPayer("BRIGHT01")!.Version, pack.Version);
        Assert.Contains(result.Changes, c => c.StartsWith($"brightpath-health: {pack.Source} replaces", StringComparison.Ordinal));
        Assert.Same(first.ForPayer("ACME01"), result.Set.ForPayer("ACME01"));
    }

    [Fact]
    public void Load_BrokenPackWithNoPreviousVersion_IsNotLiveAndItsPayerGetsNcciAlone()
    {
        PackFiles.Edit(Path.Combine(_root.Path, "brightpath-health"), p => p["payers"] = new System.Text.Json.Nodes.JsonArray());

        var set = Load(PackSet.Empty, T1).Set;

        Assert.Null(set.ForPayer("BRIGHT01"));
        Assert.Contains(Assert.Single(set.Rejections).Errors, e => e.Message.Contains("payers: needs at least one item", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_PayerClaimedByTwoPacks_RejectsTheSecond()
    {
        PackFiles.Edit(Path.Combine(_root.Path, "mindwell-behavioral"), p => p["payers"]!.AsArray().Add("ACME01"));

        var set = Load(PackSet.Empty, T1).Set;

        Assert.Equal("acme-commercial", set.ForPayer("ACME01")?.Id);
        Assert.Contains(Assert.Single(set.Rejections).Errors, e => e.Message == "payer 'ACME01' already belongs to pack 'acme-commercial'");
    }

    [Fact]
    public void Load_PackFolderRemoved_RemovesThePack()
    {
        var first = Load(PackSet.Empty, T1).Set;
        Directory.Delete(Path.Combine(_root.Path, "brightpath-health"), recursive: true);

        var result = Load(first, T2);

        Assert.Null(result.Set.ForPayer("BRIGHT01"));
        Assert.Contains("brightpath-health: removed (its folder is gone)", result.Changes);
    }

    [Fact]
    public void Load_MissingRootFolder_GivesAnEmptySet() =>
        Assert.Empty(PackCatalog.Load(Path.Combine(_root.Path, "nowhere"), PackSet.Empty, _ => [], T1).Set.Packs);

    private PackCatalogResult Load(PackSet previous, DateTimeOffset now)
    {
        var scrubber = new ClaimScrubber(new ScrubOptions());
        return PackCatalog.Load(_root.Path, previous, pack => PackExampleRunner.Errors(PackExampleRunner.Run(pack, scrubber, SampleTables.Snapshot)), now);
    }
}
