namespace Scrubber.Core.Scrubbing;

/// <summary>What an indicator-1 edit leads with, from its row's PTP edit rationale: for most rationales the column 2
/// code is simply part of the column 1 service and the fix is to remove it; only where two distinct services are
/// plausible does a modifier lead. Leading with modifiers everywhere invites the 59/X overuse OIG audits.</summary>
/// <remarks>The rationales are the CMS file's own words (domain.md §1, column 7); matching ignores case. A rationale
/// not listed leads with a modifier, as NCCI's indicator 1 allows, and the message still says to remove the line
/// otherwise.</remarks>
internal static class RationaleAdvice
{
    /// <summary>Rationales whose pairs are one service billed twice, with why, for the message.</summary>
    private static readonly (string Rationale, string Why)[] RemoveFirst =
    [
        ("Misuse of Column Two code with Column One code", "the column 2 code does not describe what was done beside the column 1 service"),
        ("HCPCS/CPT procedure code definition", "the column 1 code's definition includes the column 2 service"),
        ("More extensive procedure", "the column 1 procedure is the more extensive one and includes the other"),
        ("CPT \"Separate procedure\" definition", "a \"separate procedure\" is not billed when done with the larger procedure it is part of"),
        ("Separate procedure", "a \"separate procedure\" is not billed when done with the larger procedure it is part of"),
        ("Gender-specific procedures", "the two codes describe the same procedure for different sexes"),
        ("Laboratory panel", "the test is a component of the panel billed beside it"),
        ("Anesthesia service included in surgical procedure", "anesthesia by the surgeon is included in the surgical procedure"),
        ("Standard preparation/monitoring services for anesthesia", "preparation and monitoring are part of the anesthesia service"),
        ("Sequential procedure", "a procedure that follows an unsuccessful one in the same session is not billed separately"),
    ];

    /// <summary>Coding instructions mostly say the column 2 code is included, except for a column 2 visit beside a
    /// procedure, where 25 is the instruction. A procedure in column 2 of a visit (36000 with 99291) is simply part
    /// of the visit: the visit's 25 cannot bypass the edit (the procedure is the line denied, domain.md §2.3), so the
    /// exception does not apply and removing the procedure leads.</summary>
    private const string CodingInstruction = "CPT Manual or CMS manual coding instruction";

    /// <summary>Why the column 2 line should be removed, when the rationale says so; null when a modifier leads.</summary>
    /// <param name="rationale">The PTP row's rationale.</param>
    /// <param name="column2IsVisit">Whether the column 2 code takes 25 (the <c>em-25-eligible</c> set).</param>
    public static string? RemoveFirstBecause(string rationale, bool column2IsVisit)
    {
        foreach (var (known, why) in RemoveFirst)
        {
            if (rationale.Contains(known, StringComparison.OrdinalIgnoreCase))
            {
                return why;
            }
        }

        return !column2IsVisit && rationale.Contains(CodingInstruction, StringComparison.OrdinalIgnoreCase)
            ? "CPT or CMS coding instructions include the column 2 service in the column 1 service"
            : null;
    }
}
