using Scrubber.Core.Claims;

namespace Scrubber.Core.Packs.Vocabulary;

/// <summary>The patient's sent lines a claim's rules may ask about (<c>TimesBilled</c>, <c>UnitsBilledOn</c>,
/// <c>LastBilled</c>): the one history read the claim's scrub made, indexed the first time a rule asks, by code and
/// then by date, so any number of rules cost one read, one index, and a binary search a code they name.</summary>
/// <remarks>Not thread-safe: it belongs to one evaluation of one claim.</remarks>
internal sealed class SentLines(IReadOnlyList<PriorLine> lines)
{
    public static SentLines None { get; } = new([]);

    private Dictionary<HcpcsCode, Dated>? _byCode;

    /// <summary>How many sent lines with one of <paramref name="codes"/> have a date of service from
    /// <paramref name="days"/> days before <paramref name="date"/> to <paramref name="date"/>, both included.</summary>
    public int TimesBilled(string codes, DateOnly date, int days)
    {
        var from = date.DayNumber - Math.Clamp(days, 0, PackHistory.LookBackDays);
        var count = 0;
        foreach (var dated in Of(codes))
        {
            count += dated.UpTo(date.DayNumber) - dated.Before(from);
        }

        return count;
    }

    /// <summary>The units of the sent lines with one of <paramref name="codes"/> on <paramref name="date"/>.</summary>
    public double UnitsBilledOn(string codes, DateOnly date)
    {
        var units = 0.0;
        foreach (var dated in Of(codes))
        {
            for (var i = dated.Before(date.DayNumber); i < dated.UpTo(date.DayNumber); i++)
            {
                units += dated.Units[i];
            }
        }

        return units;
    }

    /// <summary>The latest date of service, on or before <paramref name="date"/>, of a sent line with one of <paramref name="codes"/>.</summary>
    public DateOnly? LastBilled(string codes, DateOnly date)
    {
        int? last = null;
        foreach (var dated in Of(codes))
        {
            var upTo = dated.UpTo(date.DayNumber);
            if (upTo > 0 && (last is null || dated.Days[upTo - 1] > last))
            {
                last = dated.Days[upTo - 1];
            }
        }

        return last is { } day ? DateOnly.FromDayNumber(day) : null;
    }

    private IEnumerable<Dated> Of(string codes)
    {
        if (lines.Count == 0)
        {
            yield break;
        }

        _byCode ??= Index(lines);
        foreach (var item in CodeList.Split(codes))
        {
            if (HcpcsCode.TryParse(item, out var code) && _byCode.TryGetValue(code, out var dated))
            {
                yield return dated;
            }
        }
    }

    private static Dictionary<HcpcsCode, Dated> Index(IReadOnlyList<PriorLine> lines) =>
        lines.GroupBy(l => l.Line.Code).ToDictionary(g => g.Key, g =>
        {
            var sorted = g.OrderBy(l => l.Line.ServiceDate).ToArray();
            return new Dated([.. sorted.Select(l => l.Line.ServiceDate.DayNumber)], [.. sorted.Select(l => l.Line.Units)]);
        });

    /// <summary>One code's sent lines, by date of service (day numbers, ascending), with their units.</summary>
    private sealed record Dated(int[] Days, double[] Units)
    {
        /// <summary>How many lines are dated before <paramref name="day"/>.</summary>
        public int Before(int day) => Bound(day - 1);

        /// <summary>How many lines are dated on or before <paramref name="day"/>.</summary>
        public int UpTo(int day) => Bound(day);

        private int Bound(int day)
        {
            int low = 0, high = Days.Length;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (Days[mid] <= day)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }
}
