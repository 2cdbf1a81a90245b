using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Scrubber.Core.Packs;

/// <summary>The packs in force, by payer id, and the last rejection of each pack that failed to load. Immutable.</summary>
public sealed class PackSet
{
    private readonly FrozenDictionary<string, CompiledPack> _byPayer;

    public PackSet(ImmutableArray<CompiledPack> packs, ImmutableArray<PackRejection> rejections, DateTimeOffset loadedAt)
    {
        Packs = packs;
        Rejections = rejections;
        LoadedAt = loadedAt;
        _byPayer = packs.SelectMany(p => p.Payers.Select(payer => (payer, p))).ToFrozenDictionary(x => x.payer, x => x.p, StringComparer.Ordinal);
    }

    public static PackSet Empty { get; } = new([], [], DateTimeOffset.MinValue);

    public ImmutableArray<CompiledPack> Packs { get; }

    public ImmutableArray<PackRejection> Rejections { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The pack for a payer id, or null: the claim then gets NCCI alone.</summary>
    public CompiledPack? ForPayer(string payerId) => _byPayer.GetValueOrDefault(payerId);
}

/// <summary>A pack version that was refused, when, and why; the pack's previous version (if any) kept serving.</summary>
public sealed record PackRejection(string PackId, string Folder, DateTimeOffset At, ImmutableArray<PackError> Errors);
