using System.Text;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary><c>mue generate</c> writes an MUE table of real size in the CMS layout; <c>mue check</c> loads it, and the
/// real excerpt, as the service does, and refuses a broken file naming its line.</summary>
public sealed class MueCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Generate_WritesARealSizeTableInTheCmsLayout_ThatCheckLoads()
    {
        var run = await CliRun.RunAsync("mue", "generate", "--out", _temp.Path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var file = Assert.Single(Directory.GetFiles(_temp.Path));
        Assert.Equal("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv", Path.GetFileName(file));
        var text = File.ReadAllText(file, Encoding.Latin1);
        Assert.StartsWith("\"Current Procedural Terminology (CPT) codes", text, StringComparison.Ordinal);
        Assert.Contains("CPT® is a registered trademark", text, StringComparison.Ordinal);
        Assert.Contains(",,,\r\n\"HCPCS/\r\nCPT Code\",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\r\n", text, StringComparison.Ordinal);
        Assert.Contains("15,171 codes", run.Out, StringComparison.Ordinal);

        var check = await CliRun.RunAsync("mue", "check", file);

        Assert.Equal(ExitCodes.Ok, check.ExitCode);
        Assert.StartsWith("mue-practitioner-2026-07-01: 15,171 codes", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_SameSeed_WritesTheSameBytes_AndTheTableOptionNamesTheFile()
    {
        await CliRun.RunAsync("mue", "generate", "--out", _temp.File("a"), "--codes", "500", "--seed", "9", "--table", "dme", "--effective", "2026-10-01");
        await CliRun.RunAsync("mue", "generate", "--out", _temp.File("b"), "--codes", "500", "--seed", "9", "--table", "dme", "--effective", "2026-10-01");

        const string name = "MCR_MUE_DMESupplierServices_Eff_10-01-2026.csv";
        Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.File("a"), name)), File.ReadAllBytes(Path.Combine(_temp.File("b"), name)));
        var check = await CliRun.RunAsync("mue", "check", "--table", "dme", _temp.File("a"));
        Assert.StartsWith("mue-dme-2026-10-01: 500 codes", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RealExcerpt_ReportsItsCodesAndIndicators()
    {
        var run = await CliRun.RunAsync("mue", "check", RepositoryPaths.MueExcerpt);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("mue-practitioner-2026-07-01: 44 codes, 0 with MUE 0, MAI 1: 0, MAI 2: 30, MAI 3: 14, applies from 2026-07-01", run.Out.Trim());
    }

    [Fact]
    public async Task Check_BrokenFile_ExitsOneNamingTheFileAndLine()
    {
        var file = _temp.File("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv");
        File.WriteAllText(file, File.ReadAllText(RepositoryPaths.MueExcerpt, Encoding.Latin1) + "0042U,two,2 Date of Service Edit: Policy,x\r\n", Encoding.Latin1);

        var run = await CliRun.RunAsync("mue", "check", file);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Equal($"{file}:54: the MUE value 'two' of 0042U is not a whole number from 0 to 99999", run.Error.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task Generate_TooManyCodes_IsAUsageErrorNamingTheOption()
    {
        var run = await CliRun.RunAsync("mue", "generate", "--out", _temp.Path, "--codes", "60001");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--codes may be at most 60,000.", run.Error, StringComparison.Ordinal);
    }
}
