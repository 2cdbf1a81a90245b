using Scrubber.Core.Packs;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>Seeded byte mutations of each shipped pack.json: the loader returns a pack or errors naming a file of the
/// pack; it never throws.</summary>
public sealed class PackMutationTests : IDisposable
{
    private const int Mutations = 60;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Packs => [.. Directory.GetDirectories(RepositoryPaths.Packs).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Packs))]
    public void Load_MutatedPackJson_ReturnsThePackOrErrorsNamingAFile(string packId)
    {
        var folder = PackFiles.CopySample(packId, _temp.Path);
        var packFile = Path.Combine(folder, PackLoader.PackFileName);
        var refused = 0;
        foreach (var mutation in ByteMutator.Mutate(File.ReadAllBytes(packFile), seed: packId.Length, Mutations))
        {
            File.WriteAllBytes(packFile, mutation.Bytes);
            PackLoadResult result;
            try
            {
                result = PackLoader.Load(folder);
            }
            catch (Exception ex)
            {
                Assert.Fail($"{packId}, {mutation.Description}: {ex.GetType().Name} escaped the pack loader: {ex}");
                throw;
            }

            Assert.True(result.Pack is not null ^ !result.Errors.IsEmpty, $"{packId}, {mutation.Description}: a pack and errors, or neither");
            Assert.All(result.Errors, e => Assert.StartsWith(folder, e.File, StringComparison.Ordinal));
            refused += result.Pack is null ? 1 : 0;
        }

        Assert.True(refused > 0, $"{packId}: no mutation was refused; the mutations do not reach the file");
    }
}
