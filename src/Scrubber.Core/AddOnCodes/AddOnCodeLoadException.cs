namespace Scrubber.Core.AddOnCodes;

/// <summary>An add-on code (AOC) file could not be loaded; the message names the setting, file and line.</summary>
public sealed class AddOnCodeLoadException : Exception
{
    public AddOnCodeLoadException()
    {
    }

    public AddOnCodeLoadException(string message)
        : base(message)
    {
    }

    public AddOnCodeLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
