using Scrubber.Core.Packs;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>Broken pack.json files: the loader returns errors naming the file and where, and throws nothing.</summary>
public sealed class BrokenPackFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>What each kind of damage does to the shipped pack.json, with what the error must say.</summary>
    public static TheoryData<string, string> Damage => new()
    {
        { "truncated", "not valid JSON" },
        { "binary", "not valid JSON" },
        { "enormous", $"a pack file may be at most {PackLoader.MaxFileBytes} bytes" },
        { "empty", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void Load_BrokenPackJson_FailsNamingTheFileAndWhere(string damage, string expected)
    {
        var folder = PackFiles.CopySample("acme-commercial", _temp.Path);
        var packFile = Path.Combine(folder, PackLoader.PackFileName);
        PackFiles.Damage(packFile, damage);

        var result = PackLoader.Load(folder);

        Assert.Null(result.Pack);
        var error = Assert.Single(result.Errors);
        Assert.Equal(packFile, error.File);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        if (damage != "enormous")
        {
            Assert.Matches(@"^line \d+, position \d+: ", error.Message);
        }
    }

    [Fact]
    public void Load_EnormousExampleFile_FailsNamingIt()
    {
        var folder = PackFiles.CopySample("acme-commercial", _temp.Path);
        var example = Path.Combine(folder, PackLoader.ExamplesFolder, "zz-enormous.json");
        File.WriteAllBytes(example, Enumerable.Repeat((byte)' ', (int)PackLoader.MaxFileBytes + 1).ToArray());

        var error = Assert.Single(PackLoader.Load(folder).Errors);

        Assert.Equal(example, error.File);
    }
}
