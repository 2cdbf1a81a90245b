using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary>Runs scrubctl in-process and keeps what it printed.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs scrubctl; a command pointed at a test server with <c>--server</c> calls with the test servers' key,
    /// as an operator's <c>SCRUBBER_API_KEY</c> would, unless it names a key of its own.</summary>
    public static Task<CliRun> RunAsync(params string[] args) =>
        args.Contains("--server") && !args.Contains("--api-key") ? RunAsIsAsync([.. args, "--api-key", RunningServer.ApiKey]) : RunAsIsAsync(args);

    /// <summary>Runs scrubctl with exactly these arguments.</summary>
    public static async Task<CliRun> RunAsIsAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync(args, new CliConsole(output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
