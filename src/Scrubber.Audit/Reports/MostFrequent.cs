namespace Scrubber.Audit.Reports;

/// <summary>The value a row shows for what its lines may disagree on, such as their adjustment group: the most frequent,
/// the first in ordinal order on a tie, so the same lines always give the same answer, whether counted one by one or
/// already counted in groups.</summary>
internal static class MostFrequent
{
    public static string Of(IEnumerable<string> values) => Of(values, v => v, _ => 1);

    /// <summary>The most frequent value of <paramref name="items"/>, each standing for <paramref name="count"/> lines.</summary>
    public static string Of<T>(IEnumerable<T> items, Func<T, string> value, Func<T, long> count) => Ranked(items, value, count).First().Key;

    /// <summary>The values by how many lines carry them, most first, ties in ordinal order.</summary>
    public static IEnumerable<(string Key, long Count)> Ranked<T>(IEnumerable<T> items, Func<T, string> value, Func<T, long> count) =>
        items.GroupBy(value).Select(g => (g.Key, Count: g.Sum(count))).OrderByDescending(v => v.Count).ThenBy(v => v.Key, StringComparer.Ordinal);
}
