using System.Collections.Immutable;
using System.Globalization;
using Bogus;
using Google.Protobuf;
using Grpc.Core;
using Scrubber.Generators;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl demo seed</c>: fills a running service's store with a realistic, reproducible history.</summary>
/// <remarks>Everything goes through the public API, as a PM system and a clearinghouse would: claims are scrubbed and
/// confirmed, then an 835 per week is generated for them, with CO-97 denials where payers typically deny, and ingested.</remarks>
internal sealed class DemoSeedCommand : ICommand
{
    public string Name => "demo seed";

    public string Summary => "Fill the running service's store with weeks of realistic claims, remittances and denials.";

    public string Help =>
        $"""
        Usage: scrubctl demo seed [--weeks N] [--claims-per-week N] [--seed N] [--server URL] [--api-key KEY]

        Scrubs generated claims (several payers and providers, each week's dates of service), confirms them, then
        generates and ingests one 835 per week in which payers deny, with CO-97, many of the lines whose edits were
        overridden and some the scrubber passed. Reproducible: the same --seed gives the same history.

          --weeks N            weeks of history, ending in the week of 2026-09-28 (default 8)
          --claims-per-week N  claims a week (default 60)
          --seed N             the random seed (default 2026)
        {ServiceConnection.HelpText}
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["weeks", "claims-per-week", "seed", .. ServiceConnection.Options];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public async Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var weeks = args.PositiveInt("weeks", 8);
        var perWeek = args.PositiveInt("claims-per-week", 60);
        var seed = args.PositiveInt("seed", 2026);
        using var channel = ServiceConnection.Open(args);
        var scrubber = new ClaimScrubber.ClaimScrubberClient(channel);
        var outcomes = new Outcomes.OutcomesClient(channel);
        var faker = new ClaimFaker(seed);
        var random = new Randomizer(seed);
        var firstMonday = new DateOnly(2026, 9, 28).AddDays(-7 * (weeks - 1));
        try
        {
            for (var week = 0; week < weeks; week++)
            {
                var monday = firstMonday.AddDays(7 * week);
                var remits = new List<RemitClaimSpec>();
                for (var i = 0; i < perWeek; i++)
                {
                    var day = monday.AddDays(random.Int(0, 4));
                    var claim = ClaimInputProto.From(random.Bool(0.6f) ? faker.NextCommon(day) : faker.Next(random.Int(2, 6), day));
                    var response = await scrubber.ScrubClaimAsync(new ScrubClaimRequest { Claim = claim }, cancellationToken: cancellationToken).ConfigureAwait(false);
                    await outcomes.ConfirmSubmissionAsync(new ConfirmSubmissionRequest { ScrubId = response.ScrubId }, cancellationToken: cancellationToken).ConfigureAwait(false);
                    remits.Add(Adjudicate(claim, response, random));
                }

                var content = new Remittance835Writer(seed + week).Write(remits, monday.AddDays(16));
                var result = await outcomes.IngestRemittanceAsync(
                    new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(content), FileName = $"demo-{monday:yyyy-MM-dd}.835" },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                await console.Out.WriteLineAsync($"week of {monday:yyyy-MM-dd}: {perWeek} claims scrubbed and confirmed, 835 ingested: {result.Lines} lines, {result.DeniedLines} CO-97/236 denials").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }
        catch (RpcException ex)
        {
            return await ServiceConnection.ReportAsync(ex, channel.Target, console).ConfigureAwait(false);
        }
    }

    /// <summary>How the payer treats each line: bundling denials most often where the scrubber warned and the warning
    /// was sent anyway, sometimes despite a modifier, and now and then where nothing warned (93000 with a visit).</summary>
    private static RemitClaimSpec Adjudicate(Claim claim, ScrubClaimResponse response, Randomizer random)
    {
        var lines = claim.Lines.Select(line =>
        {
            var edits = response.Edits.Where(e => e.LineId == line.LineId && e.RelatedClaimId.Length == 0).ToList();
            var denyChance = edits.Any(e => e.Severity == Severity.HardStop) ? 0.9
                : edits.Any(e => e.Severity == Severity.Warning) ? 0.7
                : edits.Any(e => e.EditType == "NCCI_PTP_BYPASSED") ? 0.3
                : line.ProcedureCode == "93000" && claim.Lines.Any(l => l.ProcedureCode.StartsWith("992", StringComparison.Ordinal)) ? 0.5
                : 0.0;
            var charge = decimal.Parse(line.Charge, CultureInfo.InvariantCulture);
            var date = DateOnly.ParseExact(line.ServiceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            ImmutableArray<(string, string, decimal)> adjustments;
            decimal paid;
            if (random.Double() < denyChance)
            {
                (paid, adjustments) = (0m, [("CO", "97", charge)]);
            }
            else
            {
                paid = Math.Round(charge * 0.8m, 2);
                adjustments = [("CO", "45", charge - paid)];
            }

            return new RemitLineSpec(random.Double() < 0.9 ? line.LineId : null, line.ProcedureCode, [.. line.Modifiers], date, charge, paid, adjustments);
        });
        return new RemitClaimSpec(claim.ClaimId, "1", "ICN" + claim.ClaimId, [.. lines]);
    }
}
