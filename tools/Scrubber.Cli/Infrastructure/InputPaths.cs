namespace Scrubber.Cli;

/// <summary>Checks that files and folders named on the command line are there before a command starts on them.</summary>
internal static class InputPaths
{
    /// <exception cref="CommandFailedException">One is neither a file nor a folder (exit 3, naming it).</exception>
    public static IReadOnlyList<string> RequireExisting(IReadOnlyList<string> paths)
    {
        if (paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p)) is { } missing)
        {
            throw new CommandFailedException(ExitCodes.Unavailable, $"{missing}: no such file or folder.");
        }

        return paths;
    }
}
