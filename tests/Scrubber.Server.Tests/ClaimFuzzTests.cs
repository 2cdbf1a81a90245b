using System.Globalization;
using Grpc.Health.V1;
using Scrubber.Generators.Fuzzing;
using Scrubber.Testing;
using Xunit.Abstractions;

namespace Scrubber.Server.Tests;

/// <summary>Thousands of mutated claims through the real host: each is scrubbed or refused naming a field, never
/// INTERNAL or UNKNOWN, and the service still reports SERVING. Seeded: set SCRUBBER_FUZZ_SEED to try other cases.</summary>
public sealed class ClaimFuzzTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private const int UnaryCases = 2500;
    private const int StreamCases = 2500;
    private const int StreamBatch = 50;
    private const int Concurrency = 8;

    private static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("SCRUBBER_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261123;

    [Fact]
    public async Task ScrubClaim_MutatedClaims_AreScrubbedOrRefusedNamingAField()
    {
        var cases = new ClaimMutator(Seed).Take(UnaryCases);
        var driver = new FuzzDriver(fixture.Server.Scrubber);
        var tally = new FuzzTally();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (fuzzCase, _) => tally.Add(fuzzCase, await driver.ScrubOneAsync(fuzzCase)));

        await AssertHeld(tally, UnaryCases, "invalid_argument");
    }

    [Fact]
    public async Task ScrubClaims_MutatedClaimsOnStreams_AreAnsweredInOrderWithInBandViolations()
    {
        var batches = new ClaimMutator(Seed + 1).Take(StreamCases).Chunk(StreamBatch).ToArray();
        var driver = new FuzzDriver(fixture.Server.Scrubber);
        var tally = new FuzzTally();

        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Concurrency / 2 }, async (batch, _) =>
        {
            var verdicts = await driver.ScrubStreamAsync(batch);
            for (var i = 0; i < batch.Length; i++)
            {
                tally.Add(batch[i], verdicts[i]);
            }
        });

        await AssertHeld(tally, StreamCases, "in_band_violations");
    }

    [Fact]
    public void Mutator_SameSeed_GivesTheSameCases()
    {
        var first = new ClaimMutator(7).Take(200).Select(c => c.ToString());
        var again = new ClaimMutator(7).Take(200).Select(c => c.ToString());
        var other = new ClaimMutator(8).Take(200).Select(c => c.ToString());

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    /// <summary>Nothing broke, both kinds of answer happened (a fuzzer that is always refused tests little), and the host still serves.</summary>
    private async Task AssertHeld(FuzzTally tally, int expected, string refusal)
    {
        output.WriteLine($"seed {Seed}: {tally.Report()}");
        Assert.True(tally.Broken == 0, $"seed {Seed}: {tally.Broken} answers broke the invariant. {tally.Report()}");
        Assert.Equal(expected, tally.Total);
        Assert.True(tally.Counts.GetValueOrDefault("scrubbed") > expected / 20, $"seed {Seed}: too few claims were scrubbed. {tally.Report()}");
        Assert.True(tally.Counts.GetValueOrDefault(refusal) > expected / 2, $"seed {Seed}: too few claims were refused. {tally.Report()}");
        var health = await new Health.HealthClient(fixture.Server.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }
}
