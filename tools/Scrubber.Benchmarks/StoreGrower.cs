using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Scrubber.Audit;
using Scrubber.Audit.Outcomes;
using Scrubber.Audit.Scrubs;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Generators;

namespace Scrubber.Benchmarks;

/// <summary><c>scrubber-bench grow-store</c>: fills an audit store as years of a busy practice group would, fast,
/// through the store's own writes (the engine scrubs each claim; no gRPC): scrubs spread over the weeks, most of them
/// confirmed, and one 835 a week for the confirmed claims, some lines denied. Used to measure scrubs and reports on a
/// store of millions of scrubs (tools/results/performance.md).</summary>
internal static class StoreGrower
{
    private const int InFlight = 512;
    private const int MaxScrubs = 50_000_000;

    public static int Run(string[] args)
    {
        if (!TryParse(args, out var settings, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine("usage: scrubber-bench grow-store (--out FILE | --postgres CONNECTION) --scrubs N [--weeks W] [--confirm-ratio R] [--seed S]");
            return 2;
        }

        try
        {
            RunAsync(settings).GetAwaiter().GetResult();
            return 0;
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or AuditStoreException or IOException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private sealed record Settings(string? Out, string? Postgres, long Scrubs, int Weeks, double ConfirmRatio, int Seed);

    private static bool TryParse(string[] args, out Settings settings, out string error)
    {
        settings = new Settings(null, null, 0, 104, 0.8, 7);
        error = string.Empty;
        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                error = $"{args[i]} needs a value.";
                return false;
            }

            switch (args[i])
            {
                case "--out": settings = settings with { Out = value }; break;
                case "--postgres": settings = settings with { Postgres = value }; break;
                case "--scrubs" when long.TryParse(value, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= MaxScrubs: settings = settings with { Scrubs = n }; break;
                case "--weeks" when int.TryParse(value, CultureInfo.InvariantCulture, out var w) && w is > 0 and <= 520: settings = settings with { Weeks = w }; break;
                case "--confirm-ratio" when double.TryParse(value, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 1: settings = settings with { ConfirmRatio = r }; break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var s): settings = settings with { Seed = s }; break;
                default:
                    error = $"{args[i]} {value}: unknown option or value out of range (--scrubs 1–{MaxScrubs:N0}, --weeks 1–520, --confirm-ratio 0–1).";
                    return false;
            }
        }

        if ((settings.Out is null) == (settings.Postgres is null) || settings.Scrubs == 0)
        {
            error = "Give --scrubs and one of --out or --postgres.";
            return false;
        }

        return true;
    }

    private static async Task RunAsync(Settings settings)
    {
        var snapshot = new NcciSnapshot(
            NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [Path.Combine(RepositoryRoot(), "rules", "ncci", "practitioner")], BenchmarkData.SilentReport.Instance),
            null, DateTimeOffset.UtcNow);
        var scrubber = new ClaimScrubber(new ScrubOptions());
        // The secret tools/perf-run.sh and tools/h2load-run.sh give the server, so its history reads find these claims.
        var keys = new PatientKey("performance-run-only-patient-key-secret-0000");
        var faker = new ClaimFaker(settings.Seed, providers: 40);
        var random = new Random(settings.Seed);
        await using var store = settings.Postgres is { } connection ? AuditStore.OpenPostgres(connection) : AuditStore.Open(settings.Out!);
        var lastMonday = new DateOnly(2026, 9, 28);
        var firstMonday = lastMonday.AddDays(-7 * (settings.Weeks - 1));
        var clock = Stopwatch.StartNew();
        long written = 0;
        for (var week = 0; week < settings.Weeks; week++)
        {
            var monday = firstMonday.AddDays(7 * week);
            var count = settings.Scrubs / settings.Weeks + (week < settings.Scrubs % settings.Weeks ? 1 : 0);
            var sent = new List<(Claim Claim, ScrubResult Result)>();
            for (long done = 0; done < count; done += InFlight)
            {
                var batch = new List<(ScrubRecord Record, bool Confirm)>();
                for (var i = 0; i < Math.Min(InFlight, count - done); i++)
                {
                    var day = monday.AddDays(random.Next(0, 5));
                    var input = random.NextDouble() < 0.6 ? faker.NextCommon(day) : faker.Next(random.Next(2, 7), day);
                    var claim = ClaimValidator.TryCreate(input, ClaimLimits.Default, out _) ?? throw new InvalidOperationException("A generated claim is invalid.");
                    var result = scrubber.Scrub(claim, snapshot, PackSet.Empty);
                    var at = new DateTimeOffset(day.AddDays(1).ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero);
                    batch.Add((new ScrubRecord(Guid.CreateVersion7().ToString(), at, claim, keys.Of(claim.PatientId), result), random.NextDouble() < settings.ConfirmRatio));
                }

                await Task.WhenAll(batch.Select(b => store.RecordAsync(b.Record))).ConfigureAwait(false);
                var confirmed = batch.Where(b => b.Confirm).ToList();
                await Task.WhenAll(confirmed.Select(b => store.ConfirmSubmissionAsync(b.Record.ScrubId, b.Record.ScrubbedAt.AddHours(1)))).ConfigureAwait(false);
                sent.AddRange(confirmed.Select(b => (b.Record.Claim, b.Record.Result)));
                written += batch.Count;
            }

            var remittance = Adjudicate(sent, monday.AddDays(16), random, week);
            var ingest = Stopwatch.StartNew();
            await store.IngestRemittanceAsync(remittance, new DateTimeOffset(monday.AddDays(17).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"week of {monday:yyyy-MM-dd}: {count:N0} scrubs, {sent.Count:N0} confirmed and remitted (835 in {ingest.Elapsed.TotalSeconds:F1} s); " +
                $"{written:N0} in {clock.Elapsed.TotalSeconds:F0} s ({written / clock.Elapsed.TotalSeconds:N0}/s)"));
        }

        Console.WriteLine($"Store: {store.Counts()}");
    }

    /// <summary>The week's 835: lines an edit warned of or stopped are denied CO-97 most of the time; the rest paid.</summary>
    private static Remittance Adjudicate(List<(Claim Claim, ScrubResult Result)> sent, DateOnly paidOn, Random random, int week)
    {
        var claims = sent.Select(s =>
        {
            var lines = s.Claim.Lines.Select(line =>
            {
                var flagged = s.Result.Edits.Any(e => e.LineId == line.LineId && e.Severity is Severity.HardStop or Severity.Warning);
                var denied = flagged ? random.NextDouble() < 0.7 : random.NextDouble() < 0.02;
                ImmutableArray<RemittanceAdjustment> adjustments = denied ? [new RemittanceAdjustment("CO", "97", line.Charge, null)] : [];
                return new RemittanceLine(line.LineId, line.Code.ToString(), [.. line.Modifiers], string.Empty, line.ServiceDate, line.Charge,
                    denied ? 0m : line.Charge, adjustments, denied ? ["M15"] : []);
            }).ToImmutableArray();
            return new RemittanceClaim(s.Claim.ClaimId, "1", lines.Sum(l => l.Charge), lines.Sum(l => l.Paid), $"ICN{s.Claim.ClaimId}", paidOn, [], lines);
        });
        var name = $"grown-{week:D3}-{paidOn:yyyy-MM-dd}.835";
        return new Remittance(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name))), name, [.. claims]);
    }

    private static string RepositoryRoot()
    {
        foreach (var start in (string[])[Environment.CurrentDirectory, AppContext.BaseDirectory])
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Scrubber.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Run scrubber-bench from inside the repository (it reads rules/ncci).");
    }
}
