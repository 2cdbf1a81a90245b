namespace Scrubber.Audit.Reports;

/// <summary>The value a row shows for what its lines may disagree on, such as their adjustment group: the most frequent,
/// the first in ordinal order on a tie, so the same lines always give the same answer.</summary>
internal static class MostFrequent
{
    public static string Of(IEnumerable<string> values) =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
}
