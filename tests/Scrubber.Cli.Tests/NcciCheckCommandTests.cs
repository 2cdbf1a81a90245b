using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

public sealed class NcciCheckCommandTests
{
    [Fact]
    public async Task NcciCheck_RealExcerpt_ReportsReleaseAndRows()
    {
        var run = await CliRun.RunAsync("ncci", "check", RepositoryPaths.PractitionerExcerpt);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("ccipra-v322r0: parts f1, 154 rows, 154 pairs, 0 malformed", run.Out, StringComparison.Ordinal);
        Assert.Contains("154 rows", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NcciCheck_MalformedRows_ListsThemWithLineAndExitsOne()
    {
        using var temp = new TempDirectory();
        var path = PtpFiles.Write(temp.File("ccipra-v322r0-f1.txt"),
            PtpFiles.Row("0001U", "0030U", "20180701", "*", "1"),
            PtpFiles.Row("0001U", "0034U", "20180732", "*", "1"));

        var run = await CliRun.RunAsync("ncci", "check", path);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains($"malformed {path}:8: effective date '20180732' is not a YYYYMMDD date", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NcciCheck_PartNumberOutOfRange_ExitsOneNamingTheFile()
    {
        using var temp = new TempDirectory();
        var path = PtpFiles.Write(temp.File("ccipra-v323r0-f99999999999.txt"), PtpFiles.Row("0001U", "0030U", "20180701", "*", "1"));

        var run = await CliRun.RunAsync("ncci", "check", temp.Path);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains($"'{path}': the part f99999999999 is out of range (f1 to f99)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NcciCheck_OutpatientFileAsPractitioner_ExplainsAndExitsOne()
    {
        var run = await CliRun.RunAsync("ncci", "check", RepositoryPaths.OutpatientSample);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains("is a ccioph file, not ccipra", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NcciCheck_OutpatientTableOption_LoadsTheOutpatientSample()
    {
        var run = await CliRun.RunAsync("ncci", "check", RepositoryPaths.OutpatientSample, "--table", "outpatient-hospital");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("ccioph-v323r0: parts f1, 2 rows", run.Out, StringComparison.Ordinal);
    }
}
