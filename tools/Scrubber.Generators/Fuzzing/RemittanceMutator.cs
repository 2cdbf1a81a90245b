using System.Collections.Immutable;
using Bogus;

namespace Scrubber.Generators.Fuzzing;

/// <summary>Mutated 835s from a corpus of well-formed ones (the public samples and generated files): the same seed
/// gives the same sequence of cases, so a failure is reproduced from its seed and index.</summary>
public sealed class RemittanceMutator
{
    private static readonly string[] Statuses = ["1", "2", "4", "22"];
    private static readonly string[] Codes = ["99213", "93000", "0030U", "36591", "11045"];
    private static readonly string[] Reasons = ["97", "236", "151", "B15", "18", "4", "16", "45"];
    private readonly IReadOnlyList<(string Name, X12Text Text)> _corpus;
    private readonly Randomizer _random;
    private int _index;

    /// <param name="seed">The seed.</param>
    /// <param name="corpus">Well-formed 835 files by name; each case starts from one of them.</param>
    public RemittanceMutator(int seed, IReadOnlyList<(string Name, byte[] Content)> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (corpus.Count == 0)
        {
            throw new ArgumentException("The corpus is empty: give at least one well-formed 835.", nameof(corpus));
        }

        Seed = seed;
        _random = new Randomizer(seed);
        _corpus = [.. corpus.Select(c => (c.Name, X12Text.Parse(c.Content)))];
    }

    public int Seed { get; }

    /// <summary>Generated 835s for a mix of paid, denied (every denial family) and reversed claims, to add to a corpus.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Generated(int seed, int files)
    {
        var random = new Randomizer(seed);
        return
        [
            .. Enumerable.Range(0, files).Select(f =>
            {
                var claims = Enumerable.Range(0, random.Int(1, 6)).Select(c => new RemitClaimSpec($"GEN-{f}-{c}", random.ArrayElement(Statuses),
                    $"ICN{f}{c}",
                    [
                        .. Enumerable.Range(0, random.Int(1, 4)).Select(l =>
                        {
                            var charge = random.Int(10, 900);
                            var reason = random.ArrayElement(Reasons);
                            return new RemitLineSpec(random.Bool(0.8f) ? $"L{l + 1}" : null, random.ArrayElement(Codes),
                                [], new DateOnly(2026, 7, 20), charge, reason == "45" ? charge - 10 : 0, [("CO", reason, reason == "45" ? 10 : charge)],
                                Remarks: reason == "151" ? ["N362"] : default);
                        }),
                    ]));
                return ($"generated-{f}.835", System.Text.Encoding.ASCII.GetBytes(new Remittance835Writer(seed + f).Write([.. claims], new DateOnly(2026, 8, 14))));
            }),
        ];
    }

    /// <summary>The next case: about one in ten left as it is (so ingestion is fuzzed too), the rest with one to four
    /// mutations.</summary>
    public RemittanceFuzzCase Next()
    {
        var index = _index++;
        var (name, seedText) = _corpus[_random.Int(0, _corpus.Count - 1)];
        var text = seedText.Copy();
        var count = _random.Int(0, 9) == 0 ? 0 : _random.Int(1, 4);
        var mutations = ImmutableArray.CreateBuilder<string>(count);
        for (var i = 0; i < count && text.Segments.Count > 1; i++)
        {
            mutations.Add(RemittanceMutations.All[_random.Int(0, RemittanceMutations.All.Length - 1)](text, _random));
        }

        return new RemittanceFuzzCase(Seed, index, name, text.ToBytes(), mutations.ToImmutable());
    }

    /// <summary>The next <paramref name="count"/> cases.</summary>
    public IReadOnlyList<RemittanceFuzzCase> Take(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];
}

/// <summary>One mutated 835 and how it was made.</summary>
/// <param name="Seed">The mutator's seed.</param>
/// <param name="Index">Its position in the sequence.</param>
/// <param name="Source">The corpus file it started from.</param>
/// <param name="Content">The bytes sent.</param>
/// <param name="Mutations">What was changed, in order.</param>
public sealed record RemittanceFuzzCase(int Seed, int Index, string Source, byte[] Content, ImmutableArray<string> Mutations)
{
    public override string ToString() => $"seed {Seed} case {Index} from {Source} [{string.Join("; ", Mutations)}] ({Content.Length} bytes)";
}
