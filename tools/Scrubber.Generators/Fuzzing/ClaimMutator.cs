using System.Collections.Immutable;
using Bogus;

namespace Scrubber.Generators.Fuzzing;

/// <summary>Valid claims from <see cref="ClaimFaker"/> with random field-level mutations: the same seed gives the
/// same sequence of cases, so a failure is reproduced from its seed and index.</summary>
public sealed class ClaimMutator
{
    private readonly ClaimFaker _faker;
    private readonly Randomizer _random;
    private int _index;

    public ClaimMutator(int seed)
    {
        Seed = seed;
        _faker = new ClaimFaker(seed);
        _random = new Randomizer(seed);
    }

    public int Seed { get; }

    /// <summary>The next case: about one in ten left valid (so the scrub path is fuzzed too), one in a hundred with no
    /// claim at all, the rest with one to four mutations.</summary>
    public FuzzCase Next()
    {
        var index = _index++;
        var claim = ClaimInputProto.From(_faker.Next(_random.Int(1, 8)));
        if (_random.Int(0, 99) == 0)
        {
            return new FuzzCase(Seed, index, null, ["no claim"]);
        }

        var count = _random.Int(0, 9) == 0 ? 0 : _random.Int(1, 4);
        var mutations = ImmutableArray.CreateBuilder<string>(count);
        for (var i = 0; i < count; i++)
        {
            var mutate = ClaimMutations.All[_random.Int(0, ClaimMutations.All.Length - 1)];
            mutations.Add(mutate(claim, _random));
        }

        return new FuzzCase(Seed, index, claim, mutations.ToImmutable());
    }

    /// <summary>The next <paramref name="count"/> cases.</summary>
    public IReadOnlyList<FuzzCase> Take(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];
}
