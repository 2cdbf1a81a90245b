using System.Text;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary><c>pfs generate</c> writes a fee schedule RVU file of real size in the CMS layout with placeholder
/// descriptors; <c>pfs check</c> loads it, and the bundled sample, as the service does, and refuses a broken file naming
/// its line.</summary>
public sealed class PfsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Generate_WritesARealSizeFileInTheCmsLayout_ThatCheckLoads()
    {
        var run = await CliRun.RunAsync("pfs", "generate", "--out", _temp.Path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var file = Assert.Single(Directory.GetFiles(_temp.Path));
        Assert.Equal("PPRRVU2026_Jul_nonQPP.csv", Path.GetFileName(file));
        var lines = File.ReadAllLines(file, Encoding.Latin1);
        Assert.StartsWith("HCPCS,MOD,DESCRIPTION,", lines[9], StringComparison.Ordinal);
        Assert.Equal(32, lines[9].Split(',').Length);
        Assert.Equal(19_010, lines.Length);
        Assert.All(lines[10..], l => Assert.Matches("^[0-9A-Z]{5},[0-9A-Z]{0,2},(REDACTED|\"REDACTED, PLACEHOLDER\"),", l));
        Assert.Contains("19,000 rows", run.Out, StringComparison.Ordinal);

        var check = await CliRun.RunAsync("pfs", "check", file);

        Assert.Equal(ExitCodes.Ok, check.ExitCode);
        Assert.StartsWith("pfs-2026-07-01: 19,000 rows, ", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_SameSeed_WritesTheSameBytes_AndEffectiveNamesTheMonth()
    {
        await CliRun.RunAsync("pfs", "generate", "--out", _temp.File("a"), "--rows", "500", "--seed", "9", "--effective", "2026-10-01");
        await CliRun.RunAsync("pfs", "generate", "--out", _temp.File("b"), "--rows", "500", "--seed", "9", "--effective", "2026-10-01");

        const string name = "PPRRVU2026_Oct_nonQPP.csv";
        Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.File("a"), name)), File.ReadAllBytes(Path.Combine(_temp.File("b"), name)));
        var check = await CliRun.RunAsync("pfs", "check", _temp.File("a"));
        Assert.StartsWith("pfs-2026-10-01: 500 rows", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BundledSample_ReportsItsCodesAndPeriods()
    {
        var run = await CliRun.RunAsync("pfs", "check", RepositoryPaths.PfsSample);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            "pfs-2026-07-01: 55 rows, 53 codes, global days 000: 10, 010: 1, 090: 1, MMM: 3, XXX: 25, YYY: 1, ZZZ: 12, applies from 2026-07-01",
            run.Out.Trim());
    }

    [Fact]
    public async Task Check_BrokenFile_ExitsOneNamingTheFileAndLine()
    {
        var file = _temp.File("PPRRVU2026_Jul_nonQPP.csv");
        File.WriteAllText(file, File.ReadAllText(RepositoryPaths.PfsSample, Encoding.Latin1)
            + "27448,,REDACTED,A,,0.00,0.00,,0.00,,0.00,0.00,0.00,0,XXX,abc,0.84,0.07,2,1,2,0,0,1,,33.4009,09,0,99,0.00,0.00,0.00\r\n", Encoding.Latin1);

        var run = await CliRun.RunAsync("pfs", "check", file);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Equal($"{file}:66: the PRE OP share 'abc' of 27448 is not a decimal from 0 to 1", run.Error.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task Check_FileNamedWithoutAMonth_ExitsOneNamingTheFile()
    {
        var file = _temp.File("PPRRVU2026_Q3.csv");
        File.Copy(RepositoryPaths.PfsSample, file);

        var run = await CliRun.RunAsync("pfs", "check", file);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains($"'{file}': the file name does not say the release's year and month", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesTest_LoadsTheBundledFeeSchedule_AndABrokenOneExitsOneNamingTheLine()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("rules", "test", RepositoryPaths.Packs)).ExitCode);
        var file = _temp.File("PPRRVU2026_Jul_nonQPP.csv");
        File.WriteAllText(file, File.ReadAllText(RepositoryPaths.PfsSample, Encoding.Latin1) + "27448,,REDACTED,A\r\n", Encoding.Latin1);

        var run = await CliRun.RunAsync("rules", "test", RepositoryPaths.Packs, "--pfs", file);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains($"{file}:66: 4 columns where a PPRRVU row has 32", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--effective", "2026-07-15", "--effective must be the first day of a month")]
    [InlineData("--rows", "60001", "--rows must be from 100 to 60,000.")]
    public async Task Generate_BadOption_IsAUsageErrorNamingTheOption(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("pfs", "generate", "--out", _temp.Path, option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
