using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Scrubber.Client;
using Scrubber.Generators;
using Scrubber.Generators.Fuzzing;
using Scrubber.V1;

namespace Scrubber.Load;

/// <summary>Sends mutated 835s (<see cref="RemittanceMutator"/>), each followed by a scrub, and checks the answers and
/// the store: what the store gained is exactly what the ingested files said they held, so no refusal kept anything.</summary>
internal static class RemittanceFuzzRun
{
    public static async Task<int> RunAsync(string server, string apiKey, int count, int seed, int concurrency, string? corpusFolder)
    {
        var corpus = Corpus(corpusFolder, seed);
        using var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        using var channel = ScrubberChannel.Open(new ScrubberChannelOptions(server, apiKey) { HttpHandler = handler });
        var admin = new Admin.AdminClient(channel);
        StoreCounts before;
        try
        {
            before = await StoreCountsAsync(admin).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            Console.Error.WriteLine($"The service at {server} does not answer Admin.GetStatus ({ex.StatusCode}: {ex.Status.Detail}).{Hint(ex)}");
            return 3;
        }

        var driver = new RemittanceFuzzDriver(new Outcomes.OutcomesClient(channel), new ClaimScrubber.ClaimScrubberClient(channel));
        var probe = ClaimInputProto.From(new ClaimFaker(seed).Next(3));
        var mutator = new RemittanceMutator(seed, corpus);
        var tally = new FuzzTally();
        long files = 0, claims = 0, lines = 0;
        var stopwatch = Stopwatch.StartNew();
        // Parallel.ForEachAsync draws from the sequence one case at a time, so the cases are the seed's at any concurrency.
        await Parallel.ForEachAsync(Enumerable.Range(0, count).Select(_ => mutator.Next()), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (fuzzCase, _) =>
        {
            var (verdict, response) = await driver.IngestThenScrubAsync(fuzzCase, probe).ConfigureAwait(false);
            tally.Add(fuzzCase, verdict);
            if (response is { Duplicate: false })
            {
                Interlocked.Increment(ref files);
                Interlocked.Add(ref claims, response.Claims);
                Interlocked.Add(ref lines, response.Lines);
            }

            if (tally.Total % 10_000 == 0)
            {
                Console.Error.WriteLine($"{tally.Total} files, {tally.Broken} broken …");
            }
        }).ConfigureAwait(false);

        StoreCounts after;
        try
        {
            after = await StoreCountsAsync(admin).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            // The files were sent, but whether refusals kept nothing can no longer be checked: that is a failed run.
            Console.Error.WriteLine($"The service at {server} stopped answering Admin.GetStatus after {tally.Total} files ({ex.StatusCode}: {ex.Status.Detail}).");
            return 1;
        }

        var gained = (after.RemittanceFiles - before.RemittanceFiles, after.RemittanceClaims - before.RemittanceClaims, after.RemittanceLines - before.RemittanceLines);
        var storeHeld = gained == (files, claims, lines) && after.Scrubs - before.Scrubs == count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed={seed} corpus={corpus.Count} files={tally.Total} broken={tally.Broken} store_gained=files:{gained.Item1},claims:{gained.Item2},lines:{gained.Item3} " +
            $"ingested_said=files:{files},claims:{claims},lines:{lines} scrubs_answered={after.Scrubs - before.Scrubs} store_held={storeHeld} " +
            $"elapsed={stopwatch.Elapsed.TotalSeconds:F1}s rate={tally.Total / stopwatch.Elapsed.TotalSeconds:F0}/s"));
        Console.WriteLine(tally.Report());
        return tally.Broken == 0 && storeHeld ? 0 : 1;
    }

    /// <summary>The store's counts; the fuzz compares them before and after, so it needs a key with the admin scope.</summary>
    private static async Task<StoreCounts> StoreCountsAsync(Admin.AdminClient admin) =>
        (await admin.GetStatusAsync(new GetStatusRequest(), deadline: DateTime.UtcNow.AddSeconds(30)).ConfigureAwait(false)).Store;

    private static string Hint(RpcException ex) => ex.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied
        ? " Set SCRUBBER_API_KEY (or --api-key) to a key with the outcomes, scrub and admin scopes."
        : string.Empty;

    /// <summary>The well-formed 835s of <paramref name="folder"/> (default: the repository's fixtures, when found) and 20
    /// generated ones.</summary>
    private static List<(string Name, byte[] Content)> Corpus(string? folder, int seed)
    {
        var files = new List<(string, byte[])>(RemittanceMutator.Generated(seed, 20));
        var dir = folder ?? FindFixtures();
        if (dir is not null)
        {
            files.AddRange(Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));
        }

        return files;
    }

    private static string? FindFixtures()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "x12", "835");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
