using Scrubber.Core.Ncci;
using Scrubber.Core.Pfs;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Pfs;

/// <summary>Seeded byte mutations of the bundled fee schedule sample: each loads or fails with
/// <see cref="NcciLoadException"/> naming the file; no other exception escapes the loader, and nothing hangs.</summary>
public sealed class PfsMutationTests : IDisposable
{
    private const int Mutations = 300;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Load_MutatedSample_LoadsOrThrowsNcciLoadException(int seed)
    {
        var path = _temp.File("PPRRVU2026_Jul_nonQPP.csv");
        int loaded = 0, refused = 0;
        foreach (var mutation in ByteMutator.Mutate(File.ReadAllBytes(RepositoryPaths.PfsSample), seed, Mutations))
        {
            File.WriteAllBytes(path, mutation.Bytes);
            try
            {
                var set = PfsLoader.Load("Pfs:Files", [path], new RecordingLoadReport());
                Assert.InRange(Assert.Single(set.Releases).Info.Rows, 1, PfsFileReader.MaxRows);
                loaded++;
            }
            catch (NcciLoadException ex)
            {
                Assert.Contains(path, ex.Message, StringComparison.Ordinal);
                refused++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, {mutation.Description}: {ex.GetType().Name} escaped the loader: {ex}");
            }
        }

        Assert.True(loaded > 0 && refused > 0, $"seed {seed}: {loaded} loaded, {refused} refused; the mutations should do both");
    }
}
