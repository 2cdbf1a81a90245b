namespace Scrubber.Cli;

/// <summary>One cell of a report table: text, or a number written as a number.</summary>
/// <remarks>The distinction matters for CSV only: a text cell that a spreadsheet would read as a formula is
/// neutralised, a number (a negative amount of a reversal included) is written as it is.</remarks>
internal readonly record struct TableCell(string Text, bool IsNumber)
{
    public static implicit operator TableCell(string text) => new(text, false);

    /// <summary>A number as the service formatted it ("300.00", "-42.10", "12", "37.5%").</summary>
    public static TableCell Number(string text) => new(text, true);
}
