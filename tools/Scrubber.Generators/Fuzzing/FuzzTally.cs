using System.Collections.Concurrent;

namespace Scrubber.Generators.Fuzzing;

/// <summary>Counts verdicts by outcome and keeps the first broken cases (claims or 835s), from any number of threads.</summary>
public sealed class FuzzTally
{
    private const int KeptFailures = 10;
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Case, FuzzVerdict Verdict)> _failures = new();

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public long Total => _counts.Values.Sum();

    public long Broken => _counts.Where(kv => kv.Key.StartsWith("broken:", StringComparison.Ordinal)).Sum(kv => kv.Value);

    /// <summary>Counts <paramref name="verdict"/>; a broken one keeps <paramref name="fuzzCase"/> as its text, which names
    /// its seed, index and mutations.</summary>
    public void Add(object fuzzCase, FuzzVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        _counts.AddOrUpdate(verdict.Outcome, 1, (_, n) => n + 1);
        if (verdict.IsBroken && _failures.Count < KeptFailures)
        {
            _failures.Enqueue((fuzzCase.ToString()!, verdict));
        }
    }

    /// <summary>One line of counts by outcome, then one line per kept failure.</summary>
    public string Report() =>
        string.Join(' ', _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")) +
        string.Concat(_failures.Select(f => $"\n{f.Verdict.Outcome}: {f.Verdict.Problem}\n  {f.Case}"));
}
