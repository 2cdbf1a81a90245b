using System.Collections.Immutable;

namespace Scrubber.Core.AddOnCodes;

/// <summary>What one loaded add-on code release holds and where it came from, for the status report.</summary>
/// <param name="Version">The release, e.g. <c>AOC_V2026Q2</c>; edits name it as their source.</param>
/// <param name="AppliesFrom">First date of service edited with this release.</param>
/// <param name="Files">The files (or zip entries) read.</param>
/// <param name="Rows">Rows read (one add-on/primary pair each; a type 2 row has no primary).</param>
/// <param name="AddOnCodes">Distinct add-on codes.</param>
/// <param name="PrimaryCodes">Distinct primary codes listed.</param>
/// <param name="TypeConflicts">Add-on codes with rows of two edit types in force on one date; the stricter type wins
/// (1, then 3, then 2).</param>
public sealed record AddOnCodeTableInfo(
    string Version,
    DateOnly AppliesFrom,
    ImmutableArray<string> Files,
    long Rows,
    int AddOnCodes,
    int PrimaryCodes,
    int TypeConflicts);
