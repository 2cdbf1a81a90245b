using System.Text;
using Scrubber.Core.Claims;

namespace Scrubber.Core.Ncci;

/// <summary>Collects the rows of one table release, then builds its immutable <see cref="PtpTable"/>.</summary>
internal sealed class PtpTableBuilder
{
    private const int MaxRationaleBytes = 512;

    private readonly Dictionary<string, ushort> _rationaleIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ushort>.AlternateLookup<ReadOnlySpan<char>> _rationaleLookup;
    private readonly List<string> _rationales = [];
    private ulong[] _keys = new ulong[1024];
    private PtpWindow[] _windows = new PtpWindow[1024];

    public PtpTableBuilder() => _rationaleLookup = _rationaleIds.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count { get; private set; }

    /// <summary>Adds one row; the rationale is Latin-1 bytes as read from the file.</summary>
    public void Add(HcpcsCode column1, HcpcsCode column2, ushort effective, ushort deletion, byte indicator, bool before1996, ReadOnlySpan<byte> rationale)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _windows, _windows.Length * 2);
        }

        _keys[Count] = PtpTable.PairKey(column1, column2);
        _windows[Count] = new PtpWindow(effective, deletion, indicator, before1996, InternRationale(rationale));
        Count++;
    }

    /// <summary>Sorts rows into pairs and builds the index.</summary>
    /// <param name="describe">Builds the table description from the final row, pair and overlap counts.</param>
    public PtpTable Build(Func<(long Rows, long Pairs, long Overlaps), NcciTableInfo> describe)
    {
        var keys = _keys.AsSpan(0, Count);
        var windows = _windows.AsSpan(0, Count);
        keys.Sort(windows);

        var pairCount = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                pairCount++;
            }
        }

        var pairKeys = new ulong[pairCount];
        var windowStart = new int[pairCount + 1];
        long overlaps = 0;
        var pair = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                pair++;
                pairKeys[pair] = keys[i];
                windowStart[pair] = i;
            }
        }

        windowStart[pairCount] = keys.Length;
        for (var p = 0; p < pairCount; p++)
        {
            var run = windows[windowStart[p]..windowStart[p + 1]];
            if (run.Length > 1)
            {
                run.Sort(static (a, b) => a.Effective.CompareTo(b.Effective));
                overlaps += HasOverlap(run) ? 1 : 0;
            }
        }

        var info = describe((keys.Length, pairCount, overlaps));
        return new PtpTable(info, pairKeys, windowStart, windows.ToArray(), [.. _rationales]);
    }

    private static bool HasOverlap(ReadOnlySpan<PtpWindow> sortedByEffective)
    {
        ushort lastEnd = 0;
        var any = false;
        foreach (var window in sortedByEffective)
        {
            if (window.Indicator == 9)
            {
                continue;
            }

            if (any && window.Effective <= lastEnd)
            {
                return true;
            }

            lastEnd = any ? Math.Max(lastEnd, window.Deletion) : window.Deletion;
            any = true;
        }

        return false;
    }

    private ushort InternRationale(ReadOnlySpan<byte> latin1)
    {
        latin1 = latin1.TrimEnd((byte)' ');
        if (latin1.Length > MaxRationaleBytes)
        {
            latin1 = latin1[..MaxRationaleBytes];
        }

        Span<char> chars = stackalloc char[latin1.Length];
        Encoding.Latin1.GetChars(latin1, chars);
        if (_rationaleLookup.TryGetValue(chars, out var id))
        {
            return id;
        }

        if (_rationales.Count == ushort.MaxValue)
        {
            // A real table has a dozen rationales; past 65535 the text is noise, so share one bucket.
            return ushort.MaxValue - 1;
        }

        id = (ushort)_rationales.Count;
        var text = new string(chars);
        _rationales.Add(text);
        _rationaleIds.Add(text, id);
        return id;
    }
}
