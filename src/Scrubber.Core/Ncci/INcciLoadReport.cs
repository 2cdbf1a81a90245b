namespace Scrubber.Core.Ncci;

/// <summary>Receives progress while NCCI files load: the host logs it, the command-line tool prints it.</summary>
public interface INcciLoadReport
{
    /// <summary>A row was skipped as malformed.</summary>
    void MalformedRow(MalformedRow row);

    /// <summary>A file was read.</summary>
    void FileRead(string file, long rows, long malformed, TimeSpan elapsed);

    /// <summary>The columns of a file whose layout was found from its content (Medicaid files), before its rows are read.</summary>
    /// <param name="file">The file (or zip entry) name.</param>
    /// <param name="layout">Which cell holds which field, cells numbered from 1.</param>
    void LayoutFound(string file, string layout)
    {
    }
}
