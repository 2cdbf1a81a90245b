using System.Globalization;
using Grpc.Health.V1;
using Scrubber.Generators;
using Scrubber.Generators.Fuzzing;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;
using Xunit.Abstractions;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>Thousands of mutated 835s (amounts, dates, codes, counts, separators, repeated loops) through the real host:
/// each is ingested or refused with INVALID_ARGUMENT naming where, a scrub is answered after each, and the store gains
/// exactly what the ingested files said they held. Seeded: set SCRUBBER_FUZZ_SEED to try other cases.</summary>
public sealed class RemittanceFuzzTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private const int Cases = 2000;
    private const int Concurrency = 4;

    private static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("SCRUBBER_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261201;

    private static IReadOnlyList<(string Name, byte[] Content)> Corpus { get; } =
    [
        .. RemittanceMutator.Generated(Seed, 10),
        .. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "x12", "835")).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))),
    ];

    [Fact]
    public async Task IngestRemittance_MutatedFiles_AreIngestedOrRefusedNamingWhere_AndTheStoreKeepsOnlyWhatWasIngested()
    {
        var server = fixture.Server;
        var driver = new RemittanceFuzzDriver(new OutcomesClient(server.Channel), server.Scrubber);
        var probe = ClaimInputProto.From(new ClaimFaker(Seed).Next(3));
        var mutator = new RemittanceMutator(Seed, Corpus);
        var tally = new FuzzTally();
        var before = AuditFile.RowCounts(server.DatabasePath);
        long files = 0, claims = 0, lines = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, Cases).Select(_ => mutator.Next()), new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (fuzzCase, _) =>
            {
                var (verdict, response) = await driver.IngestThenScrubAsync(fuzzCase, probe);
                tally.Add(fuzzCase, verdict);
                if (response is { Duplicate: false })
                {
                    Interlocked.Increment(ref files);
                    Interlocked.Add(ref claims, response.Claims);
                    Interlocked.Add(ref lines, response.Lines);
                }
            });

        output.WriteLine($"seed {Seed}: {tally.Report()}");
        var after = AuditFile.RowCounts(server.DatabasePath);
        Assert.True(tally.Broken == 0, $"seed {Seed}: {tally.Broken} answers broke the invariant. {tally.Report()}");
        Assert.Equal(Cases, tally.Total);
        Assert.True(tally.Counts.GetValueOrDefault("ingested") > Cases / 10, $"seed {Seed}: too few files were ingested. {tally.Report()}");
        Assert.True(tally.Counts.GetValueOrDefault("invalid_argument") > Cases / 10, $"seed {Seed}: too few files were refused. {tally.Report()}");
        Assert.Equal((files, claims, lines, (long)Cases),
            (Gained(before, after, "remittance_files"), Gained(before, after, "remit_claims"), Gained(before, after, "remit_lines"), Gained(before, after, "scrub_records")));
        var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public void Mutator_SameSeed_GivesTheSameFiles()
    {
        var first = new RemittanceMutator(7, Corpus).Take(300).Select(c => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(c.Content)));
        var again = new RemittanceMutator(7, Corpus).Take(300).Select(c => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(c.Content)));
        var other = new RemittanceMutator(8, Corpus).Take(300).Select(c => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(c.Content)));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Mutator_UnmutatedCorpusFile_IsTheFileAsWellFormed()
    {
        var text = X12Text.Parse(Corpus[^1].Content);

        var document = Scrubber.X12.X12Reader.Read(text.ToBytes());

        Assert.Empty(document.Warnings);
        Assert.Equal(text.Segments.Count(s => s[0] == "CLP"), document.Transactions.Sum(t => t.Segments.Count(s => s.Id == "CLP")));
    }

    private static long Gained(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, string table) => after[table] - before[table];
}
