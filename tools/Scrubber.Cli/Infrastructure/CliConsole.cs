namespace Scrubber.Cli;

/// <summary>Where a command writes: standard output for results, standard error for progress and problems.</summary>
/// <param name="Out">Results.</param>
/// <param name="Error">Progress and problems.</param>
/// <param name="ErrorIsTerminal">Whether <paramref name="Error"/> is a terminal, where progress may redraw one line;
/// anywhere else (a file, a pipe, a test) each progress report is a line of its own.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal = false);
