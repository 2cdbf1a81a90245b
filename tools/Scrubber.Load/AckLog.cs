namespace Scrubber.Load;

/// <summary>Appends each acknowledged scrub id to a file as soon as its answer arrives, flushed, so a crash of the
/// server afterwards cannot make the log claim less than the clients saw.</summary>
internal sealed class AckLog(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
    private readonly Lock _lock = new();

    public void Add(string scrubId)
    {
        lock (_lock)
        {
            _writer.WriteLine(scrubId);
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
