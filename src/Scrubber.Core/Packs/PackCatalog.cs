using System.Collections.Immutable;

namespace Scrubber.Core.Packs;

/// <summary>Builds the next <see cref="PackSet"/> from the packs folder: every pack is loaded, compiled and checked
/// against its examples off to the side; a pack that fails keeps its previous version live.</summary>
/// <remarks>Every folder is read on every load, so a rejection stays in the set until the pack is fixed.</remarks>
public static class PackCatalog
{
    /// <summary>Loads every pack folder under <paramref name="root"/> (a folder holding pack.json).</summary>
    /// <param name="root">The packs folder, e.g. rules/packs.</param>
    /// <param name="previous">The set in force; unchanged packs are reused and failed ones fall back to it.</param>
    /// <param name="verify">Runs a compiled pack's examples and returns their failures.</param>
    /// <param name="now">When the load happens, for rejections and the set.</param>
    public static PackCatalogResult Load(string root, PackSet previous, Func<CompiledPack, IEnumerable<PackError>> verify, DateTimeOffset now) =>
        Load(root, previous, verify, now, PackLimits.Default);

    /// <summary>Loads every pack folder under <paramref name="root"/> under <paramref name="limits"/>.</summary>
    /// <param name="root">The packs folder, e.g. rules/packs.</param>
    /// <param name="previous">The set in force; unchanged packs are reused and failed ones fall back to it.</param>
    /// <param name="verify">Runs a compiled pack's examples and returns their failures.</param>
    /// <param name="now">When the load happens, for rejections and the set.</param>
    /// <param name="limits">What a pack may ask of the service.</param>
    public static PackCatalogResult Load(string root, PackSet previous, Func<CompiledPack, IEnumerable<PackError>> verify, DateTimeOffset now, PackLimits limits)
    {
        var accepted = new List<CompiledPack>();
        var rejections = new List<PackRejection>();
        var changes = new List<string>();
        string[] folders = Directory.Exists(root)
            ? [.. Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, PackLoader.PackFileName))).Order(StringComparer.Ordinal)]
            : [];
        var payers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var id = Path.GetFileName(folder);
            var live = previous.Packs.FirstOrDefault(p => p.Id == id);
            var result = PackLoader.Load(folder, limits);
            var errors = result.Errors.ToList();
            var pack = result.Pack;
            if (pack is not null && live is not null && live.Version == pack.Version)
            {
                pack = live;
            }
            else if (pack is not null)
            {
                errors.AddRange(verify(pack));
            }

            if (pack is not null && errors.Count == 0)
            {
                errors.AddRange(PayerConflicts(pack, payers));
            }

            if (errors.Count > 0 || pack is null)
            {
                rejections.Add(new PackRejection(id, folder, now, [.. errors]));
                pack = live is not null && !PayerConflicts(live, payers).Any() ? live : null;
                changes.Add(live is null ? $"{id}: rejected" : $"{id}: rejected; {live.Source} stays live");
            }
            else if (pack != live)
            {
                changes.Add(live is null ? $"{id}: {pack.Source} is live" : $"{id}: {pack.Source} replaces {live.Source}");
            }

            if (pack is not null)
            {
                foreach (var payer in pack.Payers)
                {
                    payers[payer] = pack.Id;
                }

                accepted.Add(pack);
            }
        }

        changes.AddRange(previous.Packs.Where(p => accepted.All(a => a.Id != p.Id) && rejections.All(r => r.PackId != p.Id))
            .Select(p => $"{p.Id}: removed (its folder is gone)"));

        return new PackCatalogResult(new PackSet([.. accepted], [.. rejections], now), [.. changes]);
    }

    private static IEnumerable<PackError> PayerConflicts(CompiledPack pack, Dictionary<string, string> claimed) =>
        pack.Payers.Where(claimed.ContainsKey).Select(payer =>
            new PackError(Path.Combine(pack.Folder, PackLoader.PackFileName), null, $"payer '{payer}' already belongs to pack '{claimed[payer]}'"));
}

/// <summary>The next pack set, and one line per pack that changed (went live, was rejected, was removed).</summary>
public sealed record PackCatalogResult(PackSet Set, ImmutableArray<string> Changes);
