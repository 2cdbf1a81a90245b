using System.Text.Json.Nodes;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>A pack's <c>addOnPrimaries</c>: add-on code → code set of the payer's primaries, checked when it loads.</summary>
public sealed class AddOnPrimariesPackTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_AddOnPrimaries_ResolvesEachSet()
    {
        var pack = Load(new JsonObject { ["90836"] = "em", ["0054t"] = "em-25-eligible" });

        Assert.Empty(pack.Errors);
        Assert.Equal(2, pack.Pack!.AddOnPrimaries.Count);
        Assert.Equal("em", pack.Pack.AddOnPrimaries[HcpcsCode.Parse("90836")].Name);
        Assert.Equal("em-25-eligible", pack.Pack.AddOnPrimaries[HcpcsCode.Parse("0054T")].Name);
    }

    [Fact]
    public void ShippedBehavioralPack_TakesAnyEmAsThePsychotherapyAddOnsPrimary()
    {
        var result = PackLoader.Load(Path.Combine(RepositoryPaths.Packs, "mindwell-behavioral"));

        Assert.Empty(result.Errors);
        Assert.Equal(["90833", "90836", "90838"], result.Pack!.AddOnPrimaries.Keys.Select(c => c.ToString()).Order(StringComparer.Ordinal));
        Assert.All(result.Pack.AddOnPrimaries.Values, set => Assert.True(set.Contains(HcpcsCode.Parse("99232"))));
    }

    [Fact]
    public void Load_NoAddOnPrimaries_IsEmpty()
    {
        var result = PackLoader.Load(PackFiles.CopySample("acme-commercial", _temp.Path));

        Assert.Empty(result.Pack!.AddOnPrimaries);
    }

    [Fact]
    public void Load_UnknownCodeSet_FailsNamingTheFieldAndTheSet()
    {
        var result = Load(new JsonObject { ["90836"] = "em-codes" });

        Assert.Null(result.Pack);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("pack.json", error.File, StringComparison.Ordinal);
        Assert.StartsWith("addOnPrimaries.90836: there is no code set 'em-codes' (known: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9083")]
    [InlineData("90836X")]
    [InlineData("9083$")]
    public void Load_MalformedAddOnCode_FailsNamingTheField(string code)
    {
        var result = Load(new JsonObject { [code] = "em" });

        Assert.Null(result.Pack);
        Assert.Contains(result.Errors, e => e.Message.Contains("addOnPrimaries", StringComparison.Ordinal) && e.Message.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SetNameNotAString_FailsNamingTheField()
    {
        var result = Load(new JsonObject { ["90836"] = 7 });

        Assert.Null(result.Pack);
        Assert.Contains(result.Errors, e => e.Message.Contains("addOnPrimaries", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SameCodeInTwoCases_FailsAsGivenTwice()
    {
        var result = Load(new JsonObject { ["0054T"] = "em", ["0054t"] = "em" });

        Assert.Null(result.Pack);
        Assert.Contains(result.Errors, e => e.Message.Contains("addOnPrimaries: 0054T is given twice", StringComparison.Ordinal));
    }

    private PackLoadResult Load(JsonObject addOnPrimaries)
    {
        var folder = PackFiles.CopySample("acme-commercial", _temp.Path);
        PackFiles.Edit(folder, pack => pack["addOnPrimaries"] = addOnPrimaries);
        return PackLoader.Load(folder);
    }
}
