namespace Scrubber.Cli;

/// <summary>A command stops with one line for standard error and an exit code from <see cref="ExitCodes"/>; thrown
/// where the reason is found (a file deep in a helper), reported once by <see cref="Cli"/>.</summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException()
    {
    }

    public CommandFailedException(string message)
        : base(message)
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CommandFailedException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; } = ExitCodes.Problems;
}
