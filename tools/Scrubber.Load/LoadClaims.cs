using Scrubber.Generators;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary>The claims a run sends: generated ones on the sample codes, or claims built from a generated table's
/// active pairs so that every claim hits real edits of the full-size table.</summary>
internal static class LoadClaims
{
    private const int Count = 4096;

    public static Claim[] Make(LoadSettings settings)
    {
        var faker = new ClaimFaker(settings.Seed);
        if (settings.Pairs is null)
        {
            return [.. Enumerable.Range(0, Count).Select(_ => WithPayer(ClaimInputProto.From(faker.Next(settings.Lines)), settings.Payer))];
        }

        var pairs = File.ReadLines(settings.Pairs).Select(l => l.Split('\t')).Where(c => c.Length == 2).ToArray();
        if (pairs.Length == 0)
        {
            throw new ArgumentException($"--pairs {settings.Pairs} holds no tab-separated code pairs.");
        }

        var random = new Random(settings.Seed);
        return [.. Enumerable.Range(0, Count).Select(_ =>
        {
            var codes = Enumerable.Range(0, (settings.Lines + 1) / 2).SelectMany(_ => pairs[random.Next(pairs.Length)]).Take(settings.Lines).ToArray();
            return WithPayer(ClaimInputProto.From(faker.WithCodes(codes, new DateOnly(2026, 7, 1).AddDays(random.Next(0, 90)))), settings.Payer);
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
