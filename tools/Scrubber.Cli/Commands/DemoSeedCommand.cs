using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Bogus;
using Google.Protobuf;
using Grpc.Core;
using Scrubber.Generators;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl demo seed</c>: fills a running service's store with a realistic, reproducible history.</summary>
/// <remarks>Everything goes through the public API, as a PM system and a clearinghouse would: claims are scrubbed and
/// confirmed, then an 835 per week is generated for them, with denials of the bundling family (CO-97) where payers
/// typically deny, and ingested.</remarks>
internal sealed class DemoSeedCommand : CliCommand
{
    private readonly Option<int> _weeks = CliOptions.PositiveInt("--weeks", "weeks of history, ending in the week of 2026-09-28", 8);
    private readonly Option<int> _claimsPerWeek = CliOptions.PositiveInt("--claims-per-week", "claims a week", 60);
    private readonly Option<int> _seed = CliOptions.PositiveInt("--seed", "the random seed", 2026);
    private readonly Option<bool> _append = new("--append") { Description = "add to a store that already holds data (without it, such a store is refused)" };
    private readonly ServiceOptions _service = new();

    public DemoSeedCommand(CliConsole console)
        : base("seed", "Fill the running service's store with weeks of realistic claims, remittances and denials.", console,
            """
            Scrubs generated claims (several payers and providers, each week's dates of service), confirms them, then
            generates and ingests one 835 per week in which payers deny many of the lines whose edits were overridden
            and some the scrubber passed. Its denials are of the bundling family (CO-97); the reports' other denial
            families (units, add-on, duplicate, modifier) stay empty until real 835s bring them. Reproducible: the same
            --seed gives the same history.

            The store must be empty (Admin.GetStatus counts, which needs the admin scope): generated claims mixed with
            real ones would distort every report. On a store that holds data it exits 1 saying what the store holds,
            unless --append.
            """)
    {
        Options.Add(_weeks);
        Options.Add(_claimsPerWeek);
        Options.Add(_seed);
        Options.Add(_append);
        _service.AddTo(this);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var weeks = parse.GetValue(_weeks);
        var perWeek = parse.GetValue(_claimsPerWeek);
        var seed = parse.GetValue(_seed);
        using var channel = _service.Open(parse);
        var scrubber = new ClaimScrubber.ClaimScrubberClient(channel);
        var outcomes = new Outcomes.OutcomesClient(channel);
        var faker = new ClaimFaker(seed);
        var random = new Randomizer(seed);
        var firstMonday = new DateOnly(2026, 9, 28).AddDays(-7 * (weeks - 1));
        try
        {
            if (!parse.GetValue(_append) && await RefuseNonEmptyStoreAsync(new Admin.AdminClient(channel), channel.Target, cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.Problems;
            }

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
                await Console.Out.WriteLineAsync($"week of {monday:yyyy-MM-dd}: {perWeek} claims scrubbed and confirmed, 835 ingested: {result.Lines} lines, {result.DeniedLines} NCCI-type denials").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }
        catch (RpcException ex)
        {
            return await ServiceFailure.ReportAsync(ex, channel.Target, Console).ConfigureAwait(false);
        }
    }

    /// <summary>True, after saying why, when the store already holds data.</summary>
    private async Task<bool> RefuseNonEmptyStoreAsync(Admin.AdminClient admin, string address, CancellationToken cancellationToken)
    {
        var status = await admin.GetStatusAsync(new GetStatusRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (status.Store is not { } store)
        {
            // A service from before the store counts cannot say; refusing would make the demo unusable against it.
            await Console.Error.WriteLineAsync($"The service at {address} does not report its store's counts; seeding without checking that the store is empty.").ConfigureAwait(false);
            return false;
        }

        long[] counts = [store.Scrubs, store.Claims, store.ConfirmedClaims, store.RemittanceFiles, store.RemittanceClaims, store.RemittanceLines, store.Resolutions];
        if (counts.All(c => c == 0))
        {
            return false;
        }

        await Console.Error.WriteLineAsync(
            $"The store of the service at {address} already holds data: {StatusCommand.Describe(store)}. demo seed fills an empty store; " +
            "generated claims would mix with what is there. Add --append to seed it anyway.").ConfigureAwait(false);
        return true;
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
