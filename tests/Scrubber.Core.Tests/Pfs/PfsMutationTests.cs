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
        MutatedTableFiles.AssertLoadOrRefusal(RepositoryPaths.PfsSample, _temp.File("PPRRVU2026_Jul_nonQPP.csv"), seed, Mutations,
            path => Assert.Single(PfsLoader.Load("Pfs:Files", [path], new RecordingLoadReport()).Releases).Info.Rows, PfsFileReader.MaxRows);
    }
}
