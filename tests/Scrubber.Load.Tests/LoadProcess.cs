using System.Diagnostics;
using Scrubber.Testing;

namespace Scrubber.Load.Tests;

/// <summary>Runs scrubber-load as an operating-system process, as scripts do, so what reaches the terminal (an
/// unhandled exception's stack trace included) and the exit code are the real ones.</summary>
public sealed record LoadProcess(int ExitCode, string Out, string Error)
{
    public static async Task<LoadProcess> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ToolDll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return new LoadProcess(process.ExitCode, await output, await error);
    }

    /// <summary>The tool from its own build folder, with the dependencies it was built against (this folder holds the
    /// server's newer ones), in the configuration and framework these tests were built in.</summary>
    private static string ToolDll()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepositoryPaths.Root, "tools", "Scrubber.Load", "bin", framework.Parent!.Name, framework.Name, "scrubber-load.dll");
    }
}
