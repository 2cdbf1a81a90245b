namespace Scrubber.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task NoArguments_ListsEveryCommandAndExitsZero()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.All(Cli.Commands, c => Assert.Contains(c.Name, run.Out, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwoNamingIt()
    {
        var run = await CliRun.RunAsync("frobnicate", "--now");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Unknown command: frobnicate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCommand_HasHelp()
    {
        foreach (var command in Cli.Commands)
        {
            var run = await CliRun.RunAsync([.. command.Name.Split(' '), "--help"]);

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.StartsWith($"Usage: scrubctl {command.Name}", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownOption_ExitsTwoWithTheCommandsHelp()
    {
        var run = await CliRun.RunAsync("ncci", "check", "--colour", "red");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Unknown option --colour", run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage: scrubctl ncci check", run.Error, StringComparison.Ordinal);
    }
}
