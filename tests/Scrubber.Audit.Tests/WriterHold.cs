using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Tests;

/// <summary>A write that holds the store's writer until released, so the writes queued meanwhile form one batch and a
/// test decides what happens in between, without a clock.</summary>
internal sealed class WriterHold : IWrite<bool>, IDisposable
{
    public ManualResetEventSlim Started { get; } = new();

    public ManualResetEventSlim Release { get; } = new();

    public bool Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
    {
        Started.Set();
        Release.Wait(TimeSpan.FromSeconds(30));
        return true;
    }

    public void Dispose()
    {
        Started.Dispose();
        Release.Dispose();
    }
}
