namespace Scrubber.Cli;

/// <summary>Progress on standard error: redrawn in place on a terminal, one line per report anywhere else, so a log
/// or a test never holds lines written over each other.</summary>
/// <remarks>Reports on the caller's thread (unlike <see cref="Progress{T}"/>), so lines never arrive out of order.</remarks>
internal sealed class ProgressLine(CliConsole console, Func<long, string> describe) : IProgress<long>
{
    private bool _drawn;

    public void Report(long value)
    {
        if (console.ErrorIsTerminal)
        {
            console.Error.Write("\r" + describe(value));
            _drawn = true;
        }
        else
        {
            console.Error.WriteLine(describe(value));
        }
    }

    /// <summary>Ends the redrawn line, if any, so what follows starts on a line of its own.</summary>
    public void End()
    {
        if (_drawn)
        {
            console.Error.WriteLine();
            _drawn = false;
        }
    }
}
