using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Scrubbing;

/// <summary>Edits a claim against the NCCI PTP tables: pairs its lines and turns every applicable row into edits.</summary>
/// <remarks>
/// Two lines pair when they share the date of service and the provider (domain.md §2.1). Each pair is looked up in
/// both orders because the table is directional; the column 2 line of the row is the one to fix. Each pair is edited
/// with the table release in force on its own date of service.
/// </remarks>
internal static class NcciPtpScrubber
{
    /// <summary>Adds the edits of every pair to <paramref name="edits"/> and the releases used to <paramref name="versions"/>.</summary>
    public static void Scrub(Claim claim, NcciTableSet tables, in PairContext context, List<Edit> edits, List<string> versions)
    {
        var lines = claim.Lines.AsSpan();
        for (var i = 0; i < lines.Length; i++)
        {
            var table = tables.For(lines[i].ServiceDate);
            if (!versions.Contains(table.Info.TableVersion))
            {
                versions.Add(table.Info.TableVersion);
            }

            for (var j = i + 1; j < lines.Length; j++)
            {
                if (!LinePairing.Pair(claim, lines[i], lines[j], context.Scope))
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
    }
}
