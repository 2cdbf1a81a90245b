using System.Collections.Concurrent;
using Scrubber.Core.Ncci;

namespace Scrubber.Testing;

/// <summary>Keeps what the loader reported, for assertions.</summary>
public sealed class RecordingLoadReport : INcciLoadReport
{
    public ConcurrentQueue<MalformedRow> Malformed { get; } = new();

    public ConcurrentQueue<(string File, long Rows, long Malformed)> Files { get; } = new();

    /// <summary>The layouts found in files read by their content, by file.</summary>
    public ConcurrentQueue<(string File, string Layout)> Layouts { get; } = new();

    public void MalformedRow(MalformedRow row) => Malformed.Enqueue(row);

    public void LayoutFound(string file, string layout) => Layouts.Enqueue((file, layout));

    public void FileRead(string file, long rows, long malformed, TimeSpan elapsed) => Files.Enqueue((file, rows, malformed));
}
