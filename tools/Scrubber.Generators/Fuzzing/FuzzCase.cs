using System.Collections.Immutable;
using Google.Protobuf;
using Scrubber.V1;

namespace Scrubber.Generators.Fuzzing;

/// <summary>One mutated claim (null: no claim at all) and the mutations that made it, to reproduce a failure.</summary>
/// <param name="Seed">The mutator's seed.</param>
/// <param name="Index">Its position in the mutator's sequence: the same seed gives the same case at the same index.</param>
/// <param name="Claim">The claim sent; null sends a request with no claim.</param>
/// <param name="Mutations">What was changed, in order.</param>
public sealed record FuzzCase(int Seed, int Index, Claim? Claim, ImmutableArray<string> Mutations)
{
    public ScrubClaimRequest Request() => new() { Claim = Claim };

    /// <summary>How a failure names the case: seed, index, mutations and the claim as protobuf JSON.</summary>
    public override string ToString() =>
        $"seed {Seed} case {Index} [{string.Join("; ", Mutations)}]: {(Claim is null ? "(no claim)" : JsonFormatter.Default.Format(Claim))}";
}
