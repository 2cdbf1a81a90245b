namespace Scrubber.Cli.Tests;

/// <summary>Runs scrubctl in-process and keeps what it printed.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync(args, new CliConsole(output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
