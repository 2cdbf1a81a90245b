using System.CommandLine;

namespace Scrubber.Cli.Tests;

/// <summary>The command line itself: listing, help, version, and errors that name what is wrong (exit 2).</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task NoArguments_ListsEveryCommandAndExitsZero()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.All(Root.Subcommands, c => Assert.Contains($"  {c.Name}", run.Out, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwoNamingIt()
    {
        var run = await CliRun.RunAsync("frobnicate", "--now");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'frobnicate'", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task GroupWithoutItsCommand_ExitsTwo()
    {
        var run = await CliRun.RunAsync("ncci");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Run 'scrubctl ncci --help'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCommand_HasHelpThatNamesItsUsage()
    {
        var leaves = Leaves(Root, []).ToList();
        Assert.Equal(25, leaves.Count);
        foreach (var path in leaves)
        {
            var run = await CliRun.RunAsync([.. path, "--help"]);

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Contains($"Usage:\n  scrubctl {string.Join(' ', path)}", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Contains("--help", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_ShowsTheCommandsNotesAfterItsOptions()
    {
        var run = await CliRun.RunAsync("scrub", "--help");

        var options = run.Out.IndexOf("Options:", StringComparison.Ordinal);
        var notes = run.Out.IndexOf("Sends the claim to ClaimScrubber.ScrubClaim", StringComparison.Ordinal);
        Assert.InRange(options, 0, notes);
        Assert.Contains("--fail-on <LEVEL>", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersionAndExitsZero()
    {
        var run = await CliRun.RunAsync("--version");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out);
    }

    [Fact]
    public async Task UnknownOption_ExitsTwoNamingItAndPointingToHelp()
    {
        var run = await CliRun.RunAsync("status", "--colour", "red");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'--colour'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'scrubctl status --help'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_WhereAPathIsExpected_IsNotTakenForAFile()
    {
        var run = await CliRun.RunAsync("ncci", "check", "--colour", "red");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Unrecognized option '--colour'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'scrubctl ncci check --help'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionValueNotOffered_ExitsTwoNamingTheValue()
    {
        var run = await CliRun.RunAsync("remit", "inspect", "era.835", "--format", "xml");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--format must be table or json, not 'xml'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingArgument_ExitsTwo()
    {
        var run = await CliRun.RunAsync("scrub");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("claim.json", run.Error, StringComparison.Ordinal);
    }

    private static RootCommand Root => Cli.CreateRoot(new CliConsole(TextWriter.Null, TextWriter.Null));

    private static IEnumerable<string[]> Leaves(Command command, string[] path) =>
        command.Subcommands.Count == 0 ? [path] : command.Subcommands.SelectMany(c => Leaves(c, [.. path, c.Name]));
}
