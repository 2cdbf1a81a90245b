using Scrubber.Core.Claims;

namespace Scrubber.Core.Packs.Vocabulary;

/// <summary>The patient's sent lines a claim's rules may ask about (<c>TimesBilled</c>, <c>UnitsBilledOn</c>,
/// <c>LastBilled</c>): the one history read the claim's scrub made, so any number of rules cost that one read.</summary>
/// <remarks>
/// The first few questions scan the lines (a year of a busy patient's visits is a few hundred, a fraction of a
/// microsecond a scan); a claim that asks more gets the lines sorted by code and date once, and every question after
/// is a binary search per code. Sorting costs more than a few scans, so a claim whose rules ask once or twice never
/// pays for it. Not thread-safe: it belongs to one evaluation of one claim.
/// </remarks>
internal sealed class SentLines(IReadOnlyList<PriorLine> lines)
{
    /// <summary>Questions answered by scanning before the lines are sorted.</summary>
    private const int ScansBeforeSorting = 8;

    public static SentLines None { get; } = new([]);

    private Sent[]? _sorted;
    private int _questions;

    /// <summary>How many sent lines with one of <paramref name="codes"/> have a date of service from
    /// <paramref name="days"/> days before <paramref name="date"/> to <paramref name="date"/>, both included.</summary>
    public int TimesBilled(string codes, DateOnly date, int days)
    {
        var from = date.DayNumber - Math.Clamp(days, 0, PackHistory.LookBackDays);
        var count = 0;
        foreach (var code in Codes(codes))
        {
            var (first, end) = Range(code, from, date.DayNumber);
            count += end - first;
        }

        return count;
    }

    /// <summary>The units of the sent lines with one of <paramref name="codes"/> on <paramref name="date"/>.</summary>
    public double UnitsBilledOn(string codes, DateOnly date)
    {
        var day = date.DayNumber;
        var units = 0.0;
        foreach (var code in Codes(codes))
        {
            if (_sorted is null)
            {
                units += ScanUnits(code, day);
                continue;
            }

            for (var i = Bound(_sorted, code, day - 1); i < Bound(_sorted, code, day); i++)
            {
                units += _sorted[i].Units;
            }
        }

        return units;
    }

    /// <summary>The latest date of service, on or before <paramref name="date"/>, of a sent line with one of <paramref name="codes"/>.</summary>
    public DateOnly? LastBilled(string codes, DateOnly date)
    {
        int? last = null;
        foreach (var code in Codes(codes))
        {
            var day = Latest(code, date.DayNumber);
            if (day is not null && (last is null || day > last))
            {
                last = day;
            }
        }

        return last is { } found ? DateOnly.FromDayNumber(found) : null;
    }

    /// <summary>The codes of a list as rules write it; counts the question, and sorts the lines once enough were asked.</summary>
    private List<HcpcsCode> Codes(string codes)
    {
        var parsed = new List<HcpcsCode>(4);
        if (lines.Count == 0)
        {
            return parsed;
        }

        foreach (var item in CodeList.Split(codes))
        {
            if (HcpcsCode.TryParse(item, out var code))
            {
                parsed.Add(code);
            }
        }

        if (_sorted is null && ++_questions > ScansBeforeSorting)
        {
            _sorted = Sort(lines);
        }

        return parsed;
    }

    /// <summary>The lines of <paramref name="code"/> dated from day <paramref name="from"/> to <paramref name="to"/>:
    /// the index range in the sorted lines, or, before they are sorted, (0, how many a scan counts).</summary>
    private (int First, int End) Range(HcpcsCode code, int from, int to)
    {
        if (_sorted is null)
        {
            var count = 0;
            foreach (var prior in lines)
            {
                var day = prior.Line.ServiceDate.DayNumber;
                if (prior.Line.Code == code && day >= from && day <= to)
                {
                    count++;
                }
            }

            return (0, count);
        }

        return (Bound(_sorted, code, from - 1), Bound(_sorted, code, to));
    }

    private double ScanUnits(HcpcsCode code, int day)
    {
        var units = 0.0;
        foreach (var prior in lines)
        {
            if (prior.Line.Code == code && prior.Line.ServiceDate.DayNumber == day)
            {
                units += prior.Line.Units;
            }
        }

        return units;
    }

    private int? Latest(HcpcsCode code, int onOrBefore)
    {
        if (_sorted is not null)
        {
            var end = Bound(_sorted, code, onOrBefore);
            return end > 0 && _sorted[end - 1].Code == code ? _sorted[end - 1].Day : null;
        }

        int? latest = null;
        foreach (var prior in lines)
        {
            var day = prior.Line.ServiceDate.DayNumber;
            if (prior.Line.Code == code && day <= onOrBefore && (latest is null || day > latest))
            {
                latest = day;
            }
        }

        return latest;
    }

    private static Sent[] Sort(IReadOnlyList<PriorLine> lines)
    {
        var sorted = new Sent[lines.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            var line = lines[i].Line;
            sorted[i] = new Sent(line.Code, line.ServiceDate.DayNumber, line.Units);
        }

        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>How many sorted lines come before (<paramref name="code"/>, day <paramref name="day"/> + 1): the end of
    /// that code's lines dated on or before the day.</summary>
    private static int Bound(Sent[] sorted, HcpcsCode code, int day)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            var at = sorted[mid];
            if (at.Code.Value < code.Value || (at.Code == code && at.Day <= day))
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

    /// <summary>A sent line as the questions need it, ordered by code and then date.</summary>
    private readonly record struct Sent(HcpcsCode Code, int Day, double Units) : IComparable<Sent>
    {
        public int CompareTo(Sent other) => Code.Value != other.Code.Value ? Code.Value.CompareTo(other.Code.Value) : Day.CompareTo(other.Day);
    }
}
