using System.Collections.Frozen;

namespace Scrubber.Core.Scrubbing;

/// <summary>The NCCI PTP-associated modifiers and the line each belongs on (NCCI Policy Manual ch. I §E; domain.md §2.4).</summary>
public static class NcciModifiers
{
    /// <summary>Anatomic modifiers: eyelids, fingers, toes, sides and coronary arteries.</summary>
    public static readonly FrozenSet<string> Anatomic = FrozenSet.ToFrozenSet(
    [
        "E1", "E2", "E3", "E4",
        "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
        "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9",
        "LT", "RT", "LC", "LD", "RC", "LM", "RI",
    ], StringComparer.Ordinal);

    /// <summary>Distinct-service modifiers, which go on the column 2 line and never on an E/M: the X modifiers first
    /// because CMS prefers them to 59, then 59, then 91 (repeat clinical laboratory test).</summary>
    public static readonly string[] DistinctService = ["XE", "XS", "XP", "XU", "59", "91"];

    /// <summary>E/M modifiers, valid on E/M codes only: 25 same-day significant separate E/M, 57 decision for
    /// surgery, 24 unrelated E/M in a postoperative period, 27 a further outpatient hospital E/M encounter.</summary>
    public static readonly string[] EvaluationAndManagement = ["25", "57", "24", "27"];

    /// <summary>Postoperative-period procedure modifiers, which go on the column 2 procedure line: 58 staged or
    /// related, 78 return to the operating room, 79 unrelated procedure.</summary>
    public static readonly string[] PostoperativeProcedure = ["58", "78", "79"];

    /// <summary>Modifiers coders often expect to bypass a PTP edit but which never do, with the reason why.</summary>
    public static readonly FrozenDictionary<string, string> NeverBypass = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["51"] = "51 (multiple procedures) changes how a procedure is priced, not whether it is bundled",
        ["22"] = "22 (increased procedural services) claims more work for one procedure, not a separate one",
        ["76"] = "76 (repeat procedure, same physician) counts for unit limits (MUE), not for PTP edits",
        ["77"] = "77 (repeat procedure, another physician) counts for unit limits (MUE), not for PTP edits",
        ["50"] = "50 (bilateral procedure) describes one procedure on both sides; use RT/LT or XS to show a separate site",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether 59 and an X modifier appear together.</summary>
    public static bool IsX(string modifier) => modifier is "XE" or "XS" or "XP" or "XU";
}
