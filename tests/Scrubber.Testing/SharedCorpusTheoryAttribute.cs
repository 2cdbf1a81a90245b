using Xunit;

namespace Scrubber.Testing;

/// <summary>A theory over the shared X12 corpus: skipped when <see cref="SharedCorpus.X12"/> does not exist.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    public SharedCorpusTheoryAttribute()
    {
        if (SharedCorpus.X12SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
