using System.Collections.Concurrent;
using Scrubber.Core.Ncci;

namespace Scrubber.Testing;

/// <summary>Keeps what the loader reported, for assertions.</summary>
public sealed class RecordingLoadReport : INcciLoadReport
{
    public ConcurrentQueue<MalformedRow> Malformed { get; } = new();

    public ConcurrentQueue<(string File, long Rows, long Malformed)> Files { get; } = new();

    public void MalformedRow(MalformedRow row) => Malformed.Enqueue(row);

    public void FileRead(string file, long rows, long malformed, TimeSpan elapsed) => Files.Enqueue((file, rows, malformed));
}
