namespace Scrubber.Cli.Tests;

/// <summary>CSV cells as a spreadsheet reads them: every character that starts a formula is neutralised in text, a
/// number stays a number, and the aligned table shows what was sent.</summary>
public sealed class TableWriterTests
{
    private static readonly (string Header, Func<TableCell, TableCell> Value)[] OneColumn = [("Value", c => c)];

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("-20.00", "'-20.00")]
    [InlineData("ACME01", "ACME01")]
    [InlineData("a=b", "a=b")]
    public void Csv_TextCell_StartingAFormula_GetsALeadingQuote(string text, string written) =>
        Assert.Equal(written, Row(new TableCell(text, IsNumber: false)));

    [Theory]
    [InlineData("-20.00")]
    [InlineData("-42")]
    [InlineData("37.5%")]
    [InlineData("300.00")]
    public void Csv_NumberCell_IsWrittenAsANumber(string number) =>
        Assert.Equal(number, Row(TableCell.Number(number)));

    [Theory]
    [InlineData("-1+cmd|' /C calc'!A0")]
    [InlineData("=1")]
    public void Csv_NumberCellThatIsNotShapedLikeOne_IsNeutralisedAsText(string text) =>
        Assert.Equal("'" + text, Row(TableCell.Number(text)));

    [Fact]
    public void Table_FormulaText_IsShownAsSent() =>
        Assert.Equal("Value\n=1+1", TableWriter.Write<TableCell>([(TableCell)"=1+1"], OneColumn, OutputFormat.Table).ReplaceLineEndings("\n"));

    /// <summary>The one data row of a one-column CSV of <paramref name="cell"/>.</summary>
    private static string Row(TableCell cell)
    {
        var csv = TableWriter.Write<TableCell>([cell], OneColumn, OutputFormat.Csv);
        Assert.StartsWith("Value" + Environment.NewLine, csv, StringComparison.Ordinal);
        return csv[("Value" + Environment.NewLine).Length..];
    }
}
