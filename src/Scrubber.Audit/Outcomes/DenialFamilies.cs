using System.Collections.Frozen;

namespace Scrubber.Audit.Outcomes;

/// <summary>Which kind of edit a denial is about, from its claim adjustment reason code (CARC) and, where it decides,
/// the remark code (RARC). The one table the ingest counts and every report use.</summary>
/// <remarks>Sources: the public X12 code lists, Claim Adjustment Reason Codes
/// (https://x12.org/codes/claim-adjustment-reason-codes) and Remittance Advice Remark Codes
/// (https://x12.org/codes/remittance-advice-remark-codes), for what each code means; CMS MLN "Medically Unlikely Edits"
/// for CARC 151 with RARC N362 on MUE denials. A code not listed is "other": kept visible, never dropped.</remarks>
public static class DenialFamilies
{
    /// <summary>PTP bundling: CARC 97 (included in another service), 236 (not compatible with another procedure the same
    /// day under NCCI), 234 (not paid separately).</summary>
    public const string Bundling = "bundling";

    /// <summary>Units (MUE): CARC 151 (units not supported), and 119 (benefit maximum reached) when RARC N362 (units
    /// exceed the acceptable maximum) is on the line.</summary>
    public const string Units = "units";

    /// <summary>Add-on code without its primary: CARC B15 (requires a qualifying service not received or adjudicated).</summary>
    public const string AddOn = "add_on";

    /// <summary>Duplicate service: CARC 18.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Modifier: CARC 4 (inconsistent with the modifier used), 182 (modifier missing or invalid).</summary>
    public const string Modifier = "modifier";

    /// <summary>Any other reason on a line with nothing paid: not an NCCI-type denial. Patient responsibility alone
    /// (deductible, coinsurance) is not a denial: the payer allowed the service.</summary>
    public const string Other = "other";

    /// <summary>Every family, in the order a line with several is counted under the first.</summary>
    public static IReadOnlyList<string> All => Order;

    /// <summary>The families reports cover by default: every one but <see cref="Other"/>.</summary>
    public static IReadOnlyList<string> Ncci { get; } = [Bundling, Units, AddOn, Duplicate, Modifier];

    private static readonly string[] Order = [Bundling, Units, AddOn, Duplicate, Modifier, Other];

    /// <summary>The group code of what the patient owes: a deductible or coinsurance, not a denial.</summary>
    private const string PatientResponsibility = "PR";

    /// <summary>The RARC without which CARC 119 is not an MUE denial.</summary>
    private const string UnitsRemark = "N362";

    private static readonly FrozenDictionary<string, string> ByReason = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["97"] = Bundling,
        ["236"] = Bundling,
        ["234"] = Bundling,
        ["151"] = Units,
        ["B15"] = AddOn,
        ["18"] = Duplicate,
        ["4"] = Modifier,
        ["182"] = Modifier,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The family of one adjustment reason on a line with these remark codes, or null when it is none of the
    /// NCCI families.</summary>
    public static string? Of(string reason, IEnumerable<string> remarks) =>
        ByReason.GetValueOrDefault(reason) ?? (reason == "119" && remarks.Contains(UnitsRemark, StringComparer.Ordinal) ? Units : null);

    /// <summary>The family a line's denial is counted under, with the group code of the adjustment that decided it:
    /// the first NCCI family among its adjustments; else <see cref="Other"/> when nothing was paid on a line that was
    /// charged and a CO, OA or PI adjustment says why; else null (the line was not denied).</summary>
    public static (string Family, string Group)? OfLine(IReadOnlyList<(string Group, string Reason)> adjustments, IEnumerable<string> remarks, bool paidNothing)
    {
        var remarkList = remarks as IReadOnlyCollection<string> ?? [.. remarks];
        (string Family, string Group)? best = null;
        var bestRank = int.MaxValue;
        foreach (var (group, reason) in adjustments)
        {
            if (Of(reason, remarkList) is { } family && Rank(family) < bestRank)
            {
                (best, bestRank) = ((family, group), Rank(family));
            }
        }

        if (best is not null || !paidNothing)
        {
            return best;
        }

        return adjustments.FirstOrDefault(a => a.Group != PatientResponsibility) is { Group: { } decidedBy } ? (Other, decidedBy) : null;
    }

    /// <summary>Whether <paramref name="name"/> is a family.</summary>
    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    private static int Rank(string family) => Array.IndexOf(Order, family);
}
