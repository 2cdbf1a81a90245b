using Scrubber.Generators;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary>The claims a run sends: generated ones on the sample codes, or claims built from a generated table's
/// active pairs so that every claim hits real edits of the full-size table.</summary>
internal static class LoadClaims
{
    private const int Count = 4096;

    public static Claim[] Make(LoadSettings settings) => Make(settings.Seed, settings.Lines, settings.Pairs, settings.Payer);

    /// <summary>The claims of a run with these options (<see cref="LoadSettings"/>); <paramref name="count"/> of them.</summary>
    public static Claim[] Make(int seed, int lines, string? pairsFile, string? payer, int count = Count)
    {
        var faker = new ClaimFaker(seed);
        if (pairsFile is null)
        {
            return [.. Enumerable.Range(0, count).Select(_ => WithPayer(ClaimInputProto.From(faker.Next(lines)), payer))];
        }

        var pairs = File.ReadLines(pairsFile).Select(l => l.Split('\t')).Where(c => c.Length == 2).ToArray();
        if (pairs.Length == 0)
        {
            throw new ArgumentException($"--pairs {pairsFile} holds no tab-separated code pairs.");
        }

        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var codes = Enumerable.Range(0, (lines + 1) / 2).SelectMany(_ => pairs[random.Next(pairs.Length)]).Take(lines).ToArray();
            return WithPayer(ClaimInputProto.From(faker.WithCodes(codes, new DateOnly(2026, 7, 1).AddDays(random.Next(0, 90)))), payer);
        })];
    }

    private static Claim WithPayer(Claim claim, string? payer)
    {
        if (payer is not null)
        {
            claim.PayerId = payer;
        }

        return claim;
    }
}
