namespace Scrubber.Load.Tests;

/// <summary>scrubber-load's command line: a misspelt option is an error naming it (exit 2), never a silent default.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Run_MisspeltOption_ExitsTwoNamingIt()
    {
        // Regression: '--concurency 5' used to run with the default concurrency.
        var run = await LoadRun.RunAsync("run", "--concurency", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'--concurency'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'scrubber-load run --help'", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("fuzz", "--seeds")]
    [InlineData("verify", "--database")]
    [InlineData("wait", "--timout")]
    [InlineData("mix", "--costly-payr")]
    public async Task EveryMode_UnknownOption_ExitsTwoNamingIt(string mode, string option)
    {
        var run = await LoadRun.RunAsync(mode, option, "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{option}'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mode", "fast", "--mode must be one of unary, stream, noop, not 'fast'")]
    [InlineData("--concurrency", "0", "--concurrency must be a whole number above 0, not '0'")]
    [InlineData("--duration", "ten", "--duration must be a number above 0, not 'ten'")]
    [InlineData("--swap", "both", "--swap must be tables or packs, not 'both'")]
    [InlineData("--confirm-ratio", "1.5", "--confirm-ratio is a share of the scrubs: from 0 to 1.")]
    public async Task Run_BadValue_ExitsTwoNamingTheOptionAndValue(string option, string value, string message)
    {
        var run = await LoadRun.RunAsync("run", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SwapPacksWithoutPackFile_ExitsTwoSayingWhatItNeeds()
    {
        var run = await LoadRun.RunAsync("run", "--swap", "packs");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--swap packs needs --pack-file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mix_WithoutTheCostlyPayer_ExitsTwoNamingIt()
    {
        var run = await LoadRun.RunAsync("mix", "--cheap-payer", "ACME01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'--costly-payer'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithoutItsFiles_ExitsTwoNamingBoth()
    {
        var run = await LoadRun.RunAsync("verify");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'--db'", run.Error, StringComparison.Ordinal);
        Assert.Contains("'--acks'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoMode_ExitsTwo()
    {
        var run = await LoadRun.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Run 'scrubber-load --help'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("fuzz")]
    [InlineData("verify")]
    [InlineData("wait")]
    public async Task EveryMode_HasHelp(string mode)
    {
        var run = await LoadRun.RunAsync(mode, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Usage:\n  scrubber-load {mode} [options]", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersionAndExitsZero()
    {
        var run = await LoadRun.RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out);
    }

    /// <summary>The command lines tools/crash-test.sh and tools/perf-run.sh run, option for option.</summary>
    [Theory]
    [InlineData("run --server http://127.0.0.1:5999 --mode unary --concurrency 32 --duration 60 --warmup 0 --acks /tmp/acks --seed 3")]
    [InlineData("run --server http://127.0.0.1:5999 --pairs p.tsv --payer BENCH01 --lines 6 --server-pid 42 --mode unary --concurrency 64 --duration 30 --warmup 5 --ceiling")]
    [InlineData("run --server http://127.0.0.1:5999 --mode unary --concurrency 64 --duration 40 --warmup 5 --rate 2500.5 --memory-every 60 --server-pid 42")]
    [InlineData("run --mode stream --concurrency 16 --duration 40 --warmup 5 --swap packs --swap-every 8 --pack-file pack.json")]
    [InlineData("run --mode noop --swap tables --swap-every 8 --api-key scr_x")]
    [InlineData("run --mode unary --confirm-ratio 0 --duration 5")]
    [InlineData("run --mode stream --confirm-ratio 1 --ingest era.835 --ingest-every 20")]
    [InlineData("fuzz --count 100000 --seed 7 --server http://127.0.0.1:5999 --concurrency 8 --api-key scr_x")]
    [InlineData("verify --db scrubber.db --acks acks.txt")]
    [InlineData("wait --server http://127.0.0.1:5999 --timeout 60")]
    public void ScriptCommandLines_ParseWithoutErrors(string commandLine)
    {
        var parse = LoadCommandLine.CreateRoot().Parse(commandLine.Split(' '));

        Assert.Empty(parse.Errors);
        Assert.Equal(commandLine.Split(' ')[0], parse.CommandResult.Command.Name);
    }
}
