using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Claims;
using Scrubber.Core.CodeSets;
using Scrubber.Core.Packs;

namespace Scrubber.Core.Scrubbing;

/// <summary>Add-on code edits (ADDON_WITHOUT_PRIMARY): an add-on line needs an eligible primary billed for the same
/// patient by the same practitioner on the same date, on the claim or on a claim already sent, and a primary that is
/// itself denied does not count (domain.md §4).</summary>
/// <remarks>
/// Which primaries are eligible follows the CMS AOC edit type: type 1, the primaries the file lists and no other;
/// type 3, those or any in the payer pack's <c>addOnPrimaries</c> set; type 2, the pack's set (the file lists none). A
/// type 2 code the pack does not cover cannot be judged: it draws a warning only when nothing else was billed that day.
/// Runs after the PTP phase, because a primary that a PTP edit hard-stops takes its add-ons down with it.
/// </remarks>
public static class AddOnEdits
{
    /// <summary>How many primaries a message names before it says how many more there are.</summary>
    private const int PrimariesNamed = 5;

    /// <summary>Add-on codes whose primary may be on the day before: NCCI Policy Manual ch. I (add-on codes) names
    /// 99291/99292 as the case where the two are reported for different dates, critical care that runs past midnight.</summary>
    private static readonly FrozenDictionary<HcpcsCode, int> DaysBack = new Dictionary<HcpcsCode, int>
    {
        [HcpcsCode.Parse("99292")] = 1,
    }.ToFrozenDictionary();

    private static readonly CodeSet AddOnCodeSet = CodeSetCatalog.Default["add-on-codes"];

    /// <summary>Adds an edit for each add-on line without an eligible, payable primary.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="history">Lines already sent for the patient, in the claim's <see cref="HistoryWindow"/>.</param>
    /// <param name="table">The AOC releases in force.</param>
    /// <param name="pack">The payer's pack, for its <c>addOnPrimaries</c>; null for none.</param>
    /// <param name="context">The provider scope lines pair under.</param>
    /// <param name="edits">The edits so far (the PTP edits among them); receives these.</param>
    internal static void Scrub(Claim claim, IReadOnlyList<PriorLine> history, AddOnCodeTableSet table, CompiledPack? pack, in PairContext context, List<Edit> edits)
    {
        foreach (var line in claim.Lines)
        {
            var release = table.For(line.ServiceDate);
            if (!release.TryGet(line.Code, line.ServiceDate, out var entry))
            {
                continue;
            }

            CodeSet? payerSet = null;
            if (entry.EditType != AddOnEditType.ListedPrimariesOnly)
            {
                pack?.AddOnPrimaries.TryGetValue(line.Code, out payerSet);
            }

            var primaries = new Eligible(entry, payerSet);
            var source = release.Info.Version;
            if (!primaries.Known)
            {
                if (!HasOtherService(claim, line, history, release, context.Scope))
                {
                    edits.Add(UnjudgedAlone(line, context, source));
                }

                continue;
            }

            if (FindPrimary(claim, line, history, primaries, context.Scope, edits) is not { } denied)
            {
                continue;
            }

            edits.Add(denied.Primary is { } primary
                ? PrimaryDenied(line, entry, primary, denied.Edit!, context, source)
                : WithoutPrimary(line, entry, primaries, context, source));
        }
    }

    /// <summary>The primaries an add-on takes here: the file's list, and for types 2 and 3 the payer's set.</summary>
    private readonly record struct Eligible(AddOnCodeEntry Entry, CodeSet? PayerSet)
    {
        /// <summary>Whether anyone says which primaries are eligible: a type 2 code with no pack set is up to a
        /// contractor list the service does not have.</summary>
        public bool Known => Entry.Primaries.Count > 0 || PayerSet is not null || Entry.EditType == AddOnEditType.ListedPrimariesOnly;

        public bool Contains(HcpcsCode code) => Entry.Primaries.Contains(code) || (PayerSet?.Contains(code) ?? false);
    }

    /// <summary>What the search for a primary found when it found no payable one: a primary that a PTP edit denies,
    /// or none (<see cref="Primary"/> null).</summary>
    private readonly record struct Missing(ClaimLine? Primary, Edit? Edit);

    /// <summary>Null when a payable primary is on the claim or already sent; otherwise what was found instead.</summary>
    private static Missing? FindPrimary(Claim claim, ClaimLine line, IReadOnlyList<PriorLine> history, Eligible primaries,
        ProviderScope scope, List<Edit> edits)
    {
        var provider = LinePairing.ProviderOf(claim, line, scope);
        Missing? denied = null;
        foreach (var other in claim.Lines)
        {
            if (ReferenceEquals(other, line) || !primaries.Contains(other.Code) || !OnTheDay(line, other.ServiceDate) ||
                !string.Equals(LinePairing.ProviderOf(claim, other, scope), provider, StringComparison.Ordinal))
            {
                continue;
            }

            if (PtpHardStop(edits, other) is { } ptp)
            {
                denied ??= new Missing(other, ptp);
                continue;
            }

            return null;
        }

        // A line already sent passed its own scrub and is taken as paid. Lines of the claim itself and of the claim
        // it replaces are not history: the replacement is the whole of what will be paid.
        var standsFor = claim.ClaimsItStandsFor;
        foreach (var prior in history)
        {
            if (primaries.Contains(prior.Line.Code) && OnTheDay(line, prior.Line.ServiceDate) && !standsFor.Contains(prior.ClaimId) &&
                string.Equals(LinePairing.ProviderOf(prior, scope), provider, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return denied ?? new Missing(null, null);
    }

    /// <summary>Whether any line billed that day by the same practitioner, other than add-ons, could be the primary of
    /// an add-on whose primaries no one here lists.</summary>
    private static bool HasOtherService(Claim claim, ClaimLine line, IReadOnlyList<PriorLine> history, AddOnCodeTable release, ProviderScope scope)
    {
        var provider = LinePairing.ProviderOf(claim, line, scope);
        var standsFor = claim.ClaimsItStandsFor;
        return claim.Lines.Any(o => !ReferenceEquals(o, line) && OnTheDay(line, o.ServiceDate) && !IsAddOn(o, release) &&
                                    string.Equals(LinePairing.ProviderOf(claim, o, scope), provider, StringComparison.Ordinal)) ||
               history.Any(p => OnTheDay(line, p.Line.ServiceDate) && !standsFor.Contains(p.ClaimId) && !IsAddOn(p.Line, release) &&
                                string.Equals(LinePairing.ProviderOf(p, scope), provider, StringComparison.Ordinal));
    }

    private static bool IsAddOn(ClaimLine line, AddOnCodeTable release) => release.IsAddOn(line.Code, line.ServiceDate) || AddOnCodeSet.Contains(line.Code);

    /// <summary>Whether a primary on <paramref name="date"/> is on the add-on's day (or, for 99292, the day before).</summary>
    private static bool OnTheDay(ClaimLine addOn, DateOnly date) =>
        date == addOn.ServiceDate ||
        (DaysBack.TryGetValue(addOn.Code, out var days) && date < addOn.ServiceDate && date >= addOn.ServiceDate.AddDays(-days));

    /// <summary>The NCCI PTP hard stop on <paramref name="line"/>, if the PTP phase raised one.</summary>
    private static Edit? PtpHardStop(List<Edit> edits, ClaimLine line) =>
        edits.Find(e => e.EditType == EditTypes.NcciPtp && e.Severity == Severity.HardStop && e.LineId == line.LineId);

    /// <remarks>The fix is usually to bill the primary that was performed (AddPrimary). When the add-on is type 1 and
    /// none of its listed primaries is a code in force on the date, and the payer adds none, no primary can make the
    /// line payable on that date: the code is wrong for the date, so the line must go (RemoveLine).</remarks>
    private static Edit WithoutPrimary(ClaimLine line, AddOnCodeEntry entry, Eligible primaries, in PairContext context, string source)
    {
        var impossible = entry.Primaries.Count == 0 && primaries.PayerSet is null;
        var day = DaysBack.ContainsKey(line.Code)
            ? $"on {Date(line.ServiceDate)} or the day before"
            : $"on {Date(line.ServiceDate)}";
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{line.Code} ({context.Name(line)}) is an add-on code ({TypeName(entry.EditType)}): it is paid only with an eligible primary service ")
            .Append(CultureInfo.InvariantCulture, $"billed for the same patient by the same practitioner {day}, and there is none on this claim or on a claim already sent. ");
        if (impossible)
        {
            message.Append(CultureInfo.InvariantCulture, $"None of the primaries CMS lists for it is a code in force on {Date(line.ServiceDate)}, so no primary can make it payable: remove line {line.LineId}.");
        }
        else
        {
            message.Append(CultureInfo.InvariantCulture, $"Eligible primaries include {Describe(entry, primaries.PayerSet)}. Add the primary service that was performed, or remove line {line.LineId}.");
        }

        return new Edit(EditTypes.AddOnWithoutPrimary, Severity.HardStop, line.LineId, string.Empty, string.Empty, string.Empty, null, [], message.ToString(), source)
        {
            Action = impossible ? RecommendedAction.RemoveLine : RecommendedAction.AddPrimary,
        };
    }

    /// <remarks>The add-on goes down with its primary (domain.md §4). With an indicator 0 edit nothing saves the
    /// primary, so the add-on must go unless another primary is billed; with indicator 1 a modifier on the primary's
    /// pair may, which only the record can tell: a person decides.</remarks>
    private static Edit PrimaryDenied(ClaimLine line, AddOnCodeEntry entry, ClaimLine primary, Edit ptp, in PairContext context, string source)
    {
        var unbypassable = ptp.ModifierIndicator == 0;
        var message =
            $"{line.Code} ({context.Name(line)}) is an add-on code ({TypeName(entry.EditType)}) and its primary {primary.Code} ({context.Name(primary)}) " +
            $"is denied by an NCCI PTP edit ({ptp.Column1Code}/{ptp.Column2Code}): an add-on is paid only when its primary is, so it will be denied with it. " +
            (unbypassable
                ? $"No modifier bypasses that edit: remove line {line.LineId}, or bill an eligible primary that is payable."
                : $"Resolve the PTP edit on line {primary.LineId} first (a modifier, only if the record supports it); line {line.LineId} stands or falls with it.");
        return new Edit(EditTypes.AddOnWithoutPrimary, Severity.HardStop, line.LineId, primary.LineId, string.Empty, string.Empty, null, [], message, source)
        {
            Action = unbypassable ? RecommendedAction.RemoveLine : RecommendedAction.Review,
        };
    }

    private static Edit UnjudgedAlone(ClaimLine line, in PairContext context, string source)
    {
        var message =
            $"{line.Code} ({context.Name(line)}) is an add-on code whose primaries CMS leaves to the payer (AOC type 2), and the payer's pack names none " +
            $"(addOnPrimaries); nothing else was billed by the same practitioner on {Date(line.ServiceDate)} that could be its primary. " +
            "Check that the primary service is billed before sending.";
        return new Edit(EditTypes.AddOnWithoutPrimary, Severity.Warning, line.LineId, string.Empty, string.Empty, string.Empty, null, [], message, source)
        {
            Action = RecommendedAction.Review,
        };
    }

    /// <summary>A few eligible primaries, the file's first, then the payer's set as ranges.</summary>
    private static string Describe(AddOnCodeEntry entry, CodeSet? payerSet)
    {
        var named = entry.PrimariesInOrder.Take(PrimariesNamed).Select(c => c.ToString()).ToList();
        var more = entry.PrimariesInOrder.Length - named.Count;
        if (payerSet is not null)
        {
            var ranges = payerSet.Ranges.Take(2).Select(r => r.Low == r.High ? r.Low.ToString() : $"{r.Low}-{r.High}");
            named.Add($"the payer's '{payerSet.Name}' codes ({string.Join(", ", ranges)}{(payerSet.Ranges.Length > 2 ? ", …" : string.Empty)})");
        }

        return string.Join(", ", named) + (more > 0 ? string.Create(CultureInfo.InvariantCulture, $" and {more} more") : string.Empty);
    }

    private static string TypeName(AddOnEditType type) => type switch
    {
        AddOnEditType.ListedPrimariesOnly => "CMS AOC type 1, listed primaries only",
        AddOnEditType.ContractorPrimaries => "CMS AOC type 2, payer-defined primaries",
        _ => "CMS AOC type 3, listed and payer-defined primaries",
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
