namespace Scrubber.Load.Tests;

/// <summary>Runs scrubber-load's command line in-process and keeps what it printed about the command line.</summary>
public sealed record LoadRun(int ExitCode, string Out, string Error)
{
    public static async Task<LoadRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await LoadCommandLine.RunAsync(args, output, error);
        return new LoadRun(code, output.ToString(), error.ToString());
    }
}
