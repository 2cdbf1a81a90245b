using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Scrubbing;

/// <summary>Scrubs a claim against the NCCI PTP tables: pairs its lines and turns every applicable row into edits.</summary>
/// <remarks>
/// Two lines pair when they share the date of service and the provider (domain.md §2.1). Each pair is looked up in
/// both orders because the table is directional; the column 2 line of the row is the one to fix. Each pair is edited
/// with the table release in force on its own date of service.
/// </remarks>
public sealed class ClaimScrubber(ScrubOptions options)
{
    /// <summary>Scrubs <paramref name="claim"/> with <paramref name="tables"/>, the release set for its setting.</summary>
    public ScrubResult Scrub(Claim claim, NcciTableSet tables, ModifierPolicy? policy = null)
    {
        var context = new PairContext(claim.Setting, options.ProviderScope, options.IndicatorOneSeverity, policy ?? ModifierPolicy.Medicare);
        var lines = claim.Lines.AsSpan();
        var edits = new List<Edit>();
        var versions = new List<string>(1);
        for (var i = 0; i < lines.Length; i++)
        {
            var table = tables.For(lines[i].ServiceDate);
            if (!versions.Contains(table.Info.TableVersion))
            {
                versions.Add(table.Info.TableVersion);
            }

            for (var j = i + 1; j < lines.Length; j++)
            {
                if (!SamePairingScope(claim, lines[i], lines[j]))
                {
                    continue;
                }

                if (table.TryFind(lines[i].Code, lines[j].Code, lines[i].ServiceDate, out var forward))
                {
                    PtpPairEvaluator.Evaluate(forward, lines[i], lines[j], context, edits);
                }

                if (table.TryFind(lines[j].Code, lines[i].Code, lines[i].ServiceDate, out var reverse))
                {
                    PtpPairEvaluator.Evaluate(reverse, lines[j], lines[i], context, edits);
                }
            }
        }

        return new ScrubResult(ScrubResult.DispositionOf(edits), [.. edits], [.. versions]);
    }

    private bool SamePairingScope(Claim claim, ClaimLine a, ClaimLine b) =>
        a.ServiceDate == b.ServiceDate &&
        (options.ProviderScope == ProviderScope.BillingNpi ||
         string.Equals(ProviderOf(claim, a), ProviderOf(claim, b), StringComparison.Ordinal));

    private static string ProviderOf(Claim claim, ClaimLine line) =>
        line.RenderingProviderNpi.Length > 0 ? line.RenderingProviderNpi : claim.BillingProviderNpi;
}
