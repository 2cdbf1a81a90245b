namespace Scrubber.Core.Ncci;

/// <summary>Which tab-separated cell of a PTP line holds which field (0-based; <see cref="None"/> for a field the file
/// does not have).</summary>
/// <remarks>Medicare's order is known from the real files (domain.md §1.2). A Medicaid file's is not (domain.md §1.5
/// marks it [L]), so <see cref="PtpLayoutDetector"/> finds it from what the cells hold.</remarks>
/// <param name="Column1">The column 1 (payable) code.</param>
/// <param name="Column2">The column 2 (denied) code.</param>
/// <param name="Effective">The effective date, <c>YYYYMMDD</c>.</param>
/// <param name="Deletion">The deletion date, <c>YYYYMMDD</c> or <c>*</c>.</param>
/// <param name="Indicator">The modifier indicator, 0, 1 or 9.</param>
/// <param name="Before1996">The "in existence prior to 1996" flag, <c>*</c> or empty.</param>
/// <param name="Rationale">The PTP edit rationale.</param>
/// <param name="BlankDeletionIsOpen">Whether an empty deletion cell means "not deleted", as Medicaid's files write it
/// (the Medicaid NCCI Edit Design Manual: "Edits with &lt;blank&gt; Deletion Date values are ACTIVE"); Medicare's
/// always write <c>*</c>, so there an empty cell is a malformed row.</param>
internal sealed record PtpLayout(int Column1, int Column2, int Effective, int Deletion, int Indicator, int Before1996, int Rationale, bool BlankDeletionIsOpen)
{
    /// <summary>A field the file does not have.</summary>
    public const int None = -1;

    /// <summary>The most cells a line is split into; the last takes the rest of the line.</summary>
    public const int MaxCells = 16;

    /// <summary>The Medicare layout: code, code, prior-to-1996 flag, effective, deletion, indicator, rationale.</summary>
    public static PtpLayout Medicare { get; } = new(0, 1, 3, 4, 5, 2, 6, BlankDeletionIsOpen: false);

    /// <summary>The cells a row must have: up to the last field that cannot be missing (the rationale and the
    /// prior-to-1996 flag may be).</summary>
    public int RequiredCells => Math.Max(Math.Max(Math.Max(Column1, Column2), Math.Max(Effective, Deletion)), Indicator) + 1;

    /// <summary>The cells of a complete row.</summary>
    public int Cells => Math.Max(RequiredCells, Math.Max(Before1996, Rationale) + 1);

    /// <summary>The layout as an operator checks it against the file, cells numbered from 1.</summary>
    public override string ToString() =>
        $"column 1 code in cell {Column1 + 1}, column 2 code in cell {Column2 + 1}, effective date in cell {Effective + 1}, " +
        $"deletion date in cell {Deletion + 1}, modifier indicator in cell {Indicator + 1}, " +
        $"prior-to-1996 flag {Where(Before1996)}, rationale {Where(Rationale)}";

    private static string Where(int cell) => cell == None ? "absent" : $"in cell {cell + 1}";
}
