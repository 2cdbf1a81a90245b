namespace Scrubber.Core.Ncci;

/// <summary>An NCCI table could not be loaded; the message names the setting, file and line.</summary>
public sealed class NcciLoadException : Exception
{
    public NcciLoadException()
    {
    }

    public NcciLoadException(string message)
        : base(message)
    {
    }

    public NcciLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
