using System.Globalization;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary>Progress redraws one line only on a terminal; in a file, a pipe or a test every report is a line of its own,
/// so a log never holds lines written over each other.</summary>
public sealed class ProgressLineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Report_ErrorNotATerminal_WritesOneLineEachAndNoCarriageReturn()
    {
        using var error = new StringWriter();
        var progress = new ProgressLine(new CliConsole(TextWriter.Null, error), n => string.Create(CultureInfo.InvariantCulture, $"written {n} rows"));

        progress.Report(1);
        progress.Report(2);
        progress.End();

        Assert.Equal($"written 1 rows{Environment.NewLine}written 2 rows{Environment.NewLine}", error.ToString());
    }

    [Fact]
    public void Report_ErrorATerminal_RedrawsOneLineAndEndsIt()
    {
        using var error = new StringWriter();
        var progress = new ProgressLine(new CliConsole(TextWriter.Null, error, ErrorIsTerminal: true), n => string.Create(CultureInfo.InvariantCulture, $"written {n} rows"));

        progress.Report(1);
        progress.Report(2);
        progress.End();
        progress.End();

        Assert.Equal($"\rwritten 1 rows\rwritten 2 rows{Environment.NewLine}", error.ToString());
    }

    [Fact]
    public async Task NcciGenerate_OutputNotATerminal_PrintsProgressAsWholeLines()
    {
        var run = await CliRun.RunAsync("ncci", "generate", "--out", _temp.Path, "--rows", "250000", "--parts", "1", "--seed", "5");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain('\r', run.Error.Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
        string[] reports = [.. run.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)];
        Assert.True(reports.Length > 1, run.Error);
        Assert.All(reports, l => Assert.Matches("^written [0-9,]+ of 250,000 rows$", l));
        Assert.Equal("written 250,000 of 250,000 rows", reports[^1]);
    }
}
