using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Testing;

/// <summary>The shipped sample packs, loaded once through the real catalog.</summary>
public static class SamplePacks
{
    private static readonly Lazy<PackSet> LazySet = new(() =>
    {
        var scrubber = new ClaimScrubber(new ScrubOptions());
        var result = PackCatalog.Load(RepositoryPaths.Packs, PackSet.Empty,
            pack => PackExampleRunner.Verify(pack, scrubber, SampleTables.Snapshot), DateTimeOffset.UnixEpoch);
        return result.Set.Rejections.IsEmpty
            ? result.Set
            : throw new InvalidOperationException("A sample pack is rejected: " + string.Join("; ", result.Set.Rejections.SelectMany(r => r.Errors)));
    });

    public static PackSet Set => LazySet.Value;
}
