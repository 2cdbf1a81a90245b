using System.Text;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary><c>ncci generate</c> writes tables in the CMS layout; <c>ncci compile</c> turns them into a snapshot.</summary>
public sealed class NcciGenerateCompileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Generate_WritesCmsLayoutPartsWithExactlyTheRowsAsked()
    {
        var run = await CliRun.RunAsync("ncci", "generate", "--out", _temp.Path, "--rows", "20000", "--parts", "3", "--seed", "5");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var files = Directory.GetFiles(_temp.Path, "*.TXT").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["ccipra-v322r0-f1.TXT", "ccipra-v322r0-f2.TXT", "ccipra-v322r0-f3.TXT"], files.Select(Path.GetFileName));
        var rows = new List<string[]>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file, Encoding.Latin1);
            Assert.DoesNotContain("\r\r", text, StringComparison.Ordinal);
            Assert.Equal(text.Count(c => c == '\n'), text.Split("\r\n").Length - 1);
            var lines = text.Split("\r\n")[..^1];
            Assert.Equal(PtpFiles.Preamble, lines[..6]);
            rows.AddRange(lines[6..].Select(l => l.Split('\t')));
        }

        Assert.Equal(20_000, rows.Count);
        var pairs = Scrubber.Generators.PtpTableGenerator.ReadActivePairs(_temp.Path);
        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.Contains(rows, r => r[0] == p.Column1 && r[1] == p.Column2 && r[4] == "*" && r[5] != "9"));
        Assert.All(rows, r => Assert.Equal(7, r.Length));
        Assert.Contains("20,000 rows", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_RowsAreSortedSplitAtColumnOneAndMixedLikeCms()
    {
        await CliRun.RunAsync("ncci", "generate", "--out", _temp.Path, "--rows", "50000", "--parts", "4", "--seed", "11");
        var parts = Directory.GetFiles(_temp.Path, "*.TXT").Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllLines(f, Encoding.Latin1).Skip(6).Select(l => l.Split('\t')).ToArray())
            .ToArray();
        var rows = parts.SelectMany(p => p).ToArray();

        for (var i = 1; i < parts.Length; i++)
        {
            Assert.NotEqual(parts[i - 1][^1][0], parts[i][0][0]);
        }

        for (var i = 1; i < rows.Length; i++)
        {
            var order = string.CompareOrdinal(rows[i - 1][0] + "\t" + rows[i - 1][1], rows[i][0] + "\t" + rows[i][1]);
            Assert.True(order <= 0, $"row {i} is out of order");
        }

        var share = (Func<string[], bool> test) => rows.Count(test) / (double)rows.Length;
        Assert.InRange(share(r => r[5] == "1"), 0.92, 0.97);
        Assert.InRange(share(r => r[5] == "0"), 0.02, 0.05);
        Assert.InRange(share(r => r[5] == "9"), 0.008, 0.025);
        Assert.InRange(share(r => r[4] == "*"), 0.12, 0.22);
        Assert.All(rows.Where(r => r[5] == "9"), r => Assert.Equal(r[3], r[4]));
        Assert.True(rows.GroupBy(r => (r[0], r[1])).Count(g => g.Count() > 1) > 1000, "too few pairs with several windows");
        Assert.Contains(rows, r => r[0].EndsWith('T'));
        Assert.Contains(rows, r => r[0].EndsWith('U'));
        Assert.Contains(rows, r => char.IsAsciiLetter(r[0][0]));
        Assert.Contains(rows, r => r[2] == "*");
    }

    [Fact]
    public async Task Generate_SameSeed_SameBytes_OtherSeed_OtherBytes()
    {
        string[] Hashes(string folder) => [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal)
            .Select(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))];
        var (a, b, c) = (_temp.File("a"), _temp.File("b"), _temp.File("c"));

        await CliRun.RunAsync("ncci", "generate", "--out", a, "--rows", "8000", "--seed", "3");
        await CliRun.RunAsync("ncci", "generate", "--out", b, "--rows", "8000", "--seed", "3");
        await CliRun.RunAsync("ncci", "generate", "--out", c, "--rows", "8000", "--seed", "4");

        Assert.Equal(Hashes(a), Hashes(b));
        Assert.NotEqual(Hashes(a), Hashes(c));
    }

    [Fact]
    public async Task GenerateThenCompile_SnapshotLoadsTheSameRowsAsTheTextFiles()
    {
        var folder = _temp.File("tables");
        var snapshot = _temp.File("ccipra.ncci");
        await CliRun.RunAsync("ncci", "generate", "--out", folder, "--rows", "30000", "--seed", "8");

        var check = await CliRun.RunAsync("ncci", "check", folder);
        var compile = await CliRun.RunAsync("ncci", "compile", folder, "--out", snapshot);
        var checkSnapshot = await CliRun.RunAsync("ncci", "check", snapshot);

        Assert.Equal(ExitCodes.Ok, check.ExitCode);
        Assert.Contains("30,000 rows", check.Out, StringComparison.Ordinal);
        Assert.Contains("0 malformed", check.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, compile.ExitCode);
        Assert.Contains($"wrote {snapshot}: ccipra-v322r0 (30,000 rows)", compile.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, checkSnapshot.ExitCode);
        Assert.Equal(check.Out, checkSnapshot.Out);
    }

    [Fact]
    public async Task Compile_MalformedRows_RefusesAndWritesNothing()
    {
        var text = PtpFiles.Write(_temp.File("ccipra-v322r0-f1.txt"),
            PtpFiles.Row("0001U", "0030U", "20180701", "*", "1"),
            PtpFiles.Row("0001U", "0034U", "2018-07-01", "*", "1"));
        var snapshot = _temp.File("ccipra.ncci");

        var run = await CliRun.RunAsync("ncci", "compile", text, "--out", snapshot);

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains("1 malformed rows; fix or remove them before compiling", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(snapshot));
    }

    [Fact]
    public async Task Compile_OutputWithoutTheExtension_IsAUsageError()
    {
        var run = await CliRun.RunAsync("ncci", "compile", RepositoryPaths.PractitionerExcerpt, "--out", _temp.File("tables.bin"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"--out must end in {NcciSnapshotFileExtension}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_BadOptions_NameTheOption()
    {
        var rows = await CliRun.RunAsync("ncci", "generate", "--out", _temp.Path, "--rows", "-4");
        var version = await CliRun.RunAsync("ncci", "generate", "--out", _temp.Path, "--version", "2026q3");

        Assert.Equal(ExitCodes.Usage, rows.ExitCode);
        Assert.Contains("--rows must be a whole number above 0, not '-4'", rows.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, version.ExitCode);
        Assert.Contains("--version must look like v322r0", version.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task RulesGenerate_OnGeneratedPairs_WritesAPackWhoseExamplesFireEveryRule()
    {
        var tables = _temp.File("tables");
        var packs = _temp.File("packs");
        await CliRun.RunAsync("ncci", "generate", "--out", tables, "--rows", "40000", "--seed", "2");

        var generate = await CliRun.RunAsync("rules", "generate", "--out", Path.Combine(packs, "bench-pack"),
            "--pairs", Path.Combine(tables, "active-pairs.tsv"), "--rules", "12", "--payer", "BENCH01");
        var test = await CliRun.RunAsync("rules", "test", packs, "--practitioner", tables, "--outpatient-hospital", RepositoryPaths.OutpatientSample);

        Assert.Equal(ExitCodes.Ok, generate.ExitCode);
        Assert.Equal(12, Directory.GetFiles(Path.Combine(packs, "bench-pack", "examples")).Length);
        Assert.Equal(ExitCodes.Ok, test.ExitCode);
        Assert.Equal(12, test.Out.Split('\n').Count(l => l.StartsWith("  pass  rule-", StringComparison.Ordinal)));
        Assert.DoesNotContain("FAIL", test.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesGenerate_MoreRulesThanPairs_SaysHowManyThereAre()
    {
        var pairs = _temp.File("pairs.tsv");
        await File.WriteAllLinesAsync(pairs, ["0001U\t0030U", "0001A\t36591"]);

        var run = await CliRun.RunAsync("rules", "generate", "--out", _temp.File("p"), "--pairs", pairs, "--rules", "3");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("has 2 pairs with codes of their own; --rules 3 needs as many", run.Error, StringComparison.Ordinal);
    }

    private static string NcciSnapshotFileExtension => Core.Ncci.Snapshots.NcciSnapshotFile.Extension;
}
