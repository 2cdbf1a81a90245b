using System.Collections.Immutable;

namespace Scrubber.Core.Packs;

/// <summary>A loaded pack, or the errors that keep it from going live.</summary>
public sealed record PackLoadResult(CompiledPack? Pack, ImmutableArray<PackError> Errors)
{
    public static PackLoadResult Failed(params ImmutableArray<PackError> errors) => new(null, errors);
}
