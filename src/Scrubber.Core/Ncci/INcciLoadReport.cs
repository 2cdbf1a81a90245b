namespace Scrubber.Core.Ncci;

/// <summary>Receives progress while NCCI files load: the host logs it, the command-line tool prints it.</summary>
public interface INcciLoadReport
{
    /// <summary>A row was skipped as malformed.</summary>
    void MalformedRow(MalformedRow row);

    /// <summary>A file was read.</summary>
    void FileRead(string file, long rows, long malformed, TimeSpan elapsed);
}
