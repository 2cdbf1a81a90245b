namespace Scrubber.Cli;

/// <summary>scrubctl exit codes, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked and found nothing wrong.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and found problems (invalid files, failing examples, an invalid claim, a disposition
    /// at or above <c>--fail-on</c>).</summary>
    public const int Problems = 1;

    /// <summary>The command line is wrong: unknown command or option, missing or malformed argument.</summary>
    public const int Usage = 2;

    /// <summary>A file could not be read or the service could not be reached.</summary>
    public const int Unavailable = 3;
}
