using System.Globalization;
using Bogus;
using Scrubber.Core.Claims;

namespace Scrubber.Generators;

/// <summary>Realistic claims in the API's shape (<see cref="ClaimInput"/>), reproducible from a seed: office visits,
/// labs, ECGs, psychotherapy and procedures, some of them on NCCI pairs of the sample table, for several payers.</summary>
public sealed class ClaimFaker
{
    /// <summary>Codes with the charge range they are billed at; the first ones pair under the shipped sample table and packs.</summary>
    private static readonly (string Code, decimal Low, decimal High)[] Codes =
    [
        ("99213", 90, 140), ("99214", 130, 190), ("99203", 110, 160), ("93000", 35, 60), ("93015", 300, 450),
        ("0001U", 250, 350), ("0030U", 120, 190), ("0001A", 35, 45), ("36591", 20, 30), ("90837", 150, 200),
        ("90847", 120, 160), ("90833", 70, 100), ("45378", 700, 1100), ("43239", 500, 800), ("99050", 25, 40),
        ("80053", 15, 30), ("85025", 10, 20), ("71046", 40, 80), ("20610", 90, 150), ("11042", 180, 260),
    ];

    private static readonly string[] Payers = ["MEDICARE", "ACME01", "ACME02", "MINDWELL", "BRIGHT01", "UNITED01"];
    private static readonly string[] Modifiers = ["25", "59", "XE", "XS", "XU", "RT", "LT", "76"];
    private static readonly string[] Diagnoses = ["Z00.00", "I10", "E11.9", "J06.9", "R07.9", "F33.1", "K21.9", "M17.11"];

    private readonly Faker _faker;
    private readonly string[] _npis;
    private int _claimNumber;

    public ClaimFaker(int seed = 42, int providers = 12)
    {
        _faker = new Faker { Random = new Randomizer(seed) };
        _npis = [.. Enumerable.Range(0, providers).Select(_ => NewNpi())];
    }

    /// <summary>A claim of <paramref name="lines"/> lines on one or two dates of service.</summary>
    public ClaimInput Next(int lines = 6, DateOnly? around = null)
    {
        var day = around ?? new DateOnly(2026, 7, 1).AddDays(_faker.Random.Int(0, 90));
        var rendering = _faker.PickRandom(_npis);
        var claimLines = new List<ClaimLineInput>(lines);
        for (var i = 0; i < lines; i++)
        {
            var (code, low, high) = _faker.PickRandom(Codes);
            claimLines.Add(new ClaimLineInput
            {
                LineId = (i + 1).ToString(CultureInfo.InvariantCulture),
                ProcedureCode = code,
                Modifiers = _faker.Random.Bool(0.25f) ? [_faker.PickRandom(Modifiers)] : [],
                ServiceDate = (_faker.Random.Bool(0.9f) ? day : day.AddDays(1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                RenderingProviderNpi = _faker.Random.Bool(0.9f) ? rendering : string.Empty,
                Charge = Math.Round(_faker.Random.Decimal(low, high), 2).ToString("0.00", CultureInfo.InvariantCulture),
                Units = 1,
                DiagnosisCodes = [_faker.PickRandom(Diagnoses)],
            });
        }

        return new ClaimInput
        {
            ClaimId = $"CLM{Interlocked.Increment(ref _claimNumber):D8}",
            PayerId = _faker.PickRandom(Payers),
            PatientId = $"MRN{_faker.Random.Number(1, 50_000):D7}",
            BillingProviderNpi = _npis[0],
            Setting = "SETTING_PROFESSIONAL",
            Lines = claimLines,
        };
    }

    /// <summary>Combinations practices bill together often, most of which some payer bundles.</summary>
    private static readonly string[][] CommonCombinations =
    [
        ["99213", "93000"], ["99214", "93000"], ["0001U", "0030U"], ["93015", "93000"], ["90837", "90847"],
        ["45378", "43239"], ["0001U", "0030U-XE"], ["99213", "99050"], ["90833"], ["99213", "0030U-59", "0001U"],
    ];

    /// <summary>A claim of one of the combinations practices bill often, on <paramref name="day"/>.</summary>
    public ClaimInput NextCommon(DateOnly day)
    {
        var combination = _faker.PickRandom(CommonCombinations);
        var claim = Next(combination.Length, day);
        var lines = claim.Lines!.Select((line, i) =>
        {
            var parts = combination[i].Split('-');
            var price = Codes.First(c => c.Code == parts[0]);
            return line with
            {
                ProcedureCode = parts[0],
                Modifiers = [.. parts.Skip(1)],
                ServiceDate = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Charge = Math.Round(_faker.Random.Decimal(price.Low, price.High), 2).ToString("0.00", CultureInfo.InvariantCulture),
            };
        });
        return claim with { Lines = [.. lines] };
    }

    /// <summary>A claim with one line per code in <paramref name="codes"/>, all on <paramref name="day"/> by one
    /// rendering provider (so every two lines pair), for benchmarks and load runs on generated tables.</summary>
    public ClaimInput WithCodes(IReadOnlyList<string> codes, DateOnly day)
    {
        var claim = Next(codes.Count, day);
        var rendering = _faker.PickRandom(_npis);
        var lines = claim.Lines!.Select((line, i) => line with
        {
            ProcedureCode = codes[i],
            Modifiers = [],
            ServiceDate = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            RenderingProviderNpi = rendering,
        });
        return claim with { PayerId = _faker.PickRandom(Payers), Lines = [.. lines] };
    }

    /// <summary>A valid NPI: nine random digits and the Luhn check digit over the 80840 prefix.</summary>
    public string NewNpi()
    {
        var first = _faker.Random.Number(100_000_000, 199_999_999).ToString(CultureInfo.InvariantCulture);
        return first + Npi.CheckDigit(first).ToString(CultureInfo.InvariantCulture);
    }
}
