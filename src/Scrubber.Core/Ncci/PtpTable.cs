using Scrubber.Core.Claims;

namespace Scrubber.Core.Ncci;

/// <summary>One release of one NCCI PTP table, indexed by (column 1, column 2) pair. Immutable once built.</summary>
/// <remarks>
/// Layout, for about 25 bytes a row: pair keys sorted in one array, each pair's date windows contiguous in another,
/// and an open-addressing hash of pair indexes (linear probing, Fibonacci hashing, load ≤ 2/3). A lookup touches
/// three arrays and allocates nothing.
/// </remarks>
public sealed partial class PtpTable
{
    private readonly ulong[] _pairKeys;
    private readonly int[] _windowStart;
    private readonly PtpWindow[] _windows;
    private readonly int[] _slots;
    private readonly int _shift;
    private readonly string[] _rationales;

    internal PtpTable(NcciTableInfo info, ulong[] pairKeys, int[] windowStart, PtpWindow[] windows, string[] rationales)
        : this(info, pairKeys, windowStart, windows, rationales, HashBits(pairKeys.Length))
    {
        var mask = _slots.Length - 1;
        for (var i = 0; i < pairKeys.Length; i++)
        {
            var slot = SlotOf(pairKeys[i]);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = i + 1;
        }
    }

    /// <summary>Takes the arrays as they are, slots included (a compiled snapshot holds them ready-made).</summary>
    private PtpTable(NcciTableInfo info, ulong[] pairKeys, int[] windowStart, PtpWindow[] windows, string[] rationales, int[] slots, int shift)
    {
        Info = info;
        _pairKeys = pairKeys;
        _windowStart = windowStart;
        _windows = windows;
        _rationales = rationales;
        _slots = slots;
        _shift = shift;
    }

    private PtpTable(NcciTableInfo info, ulong[] pairKeys, int[] windowStart, PtpWindow[] windows, string[] rationales, int bits)
        : this(info, pairKeys, windowStart, windows, rationales, new int[1 << bits], 64 - bits)
    {
    }

    /// <summary>What was loaded: version, parts, files and counts.</summary>
    public NcciTableInfo Info { get; }

    /// <summary>Bytes held by the index arrays, for the status report and the memory benchmark.</summary>
    public long IndexBytes =>
        ((long)_pairKeys.Length * sizeof(ulong)) + ((long)_windowStart.Length * sizeof(int)) +
        ((long)_windows.Length * 8) + ((long)_slots.Length * sizeof(int));

    /// <summary>Finds the row for <paramref name="column1"/>/<paramref name="column2"/> in force on <paramref name="serviceDate"/>.</summary>
    /// <remarks>
    /// Directional: (A, B) and (B, A) are different pairs (domain.md §2.3). Indicator 9 rows never match. When two
    /// windows of a pair overlap the date, the stricter indicator wins (0 over 1), then the later effective date.
    /// </remarks>
    public bool TryFind(HcpcsCode column1, HcpcsCode column2, DateOnly serviceDate, out PtpMatch match)
    {
        match = default;
        var key = PairKey(column1, column2);
        var mask = _slots.Length - 1;
        var slot = SlotOf(key);
        int pair;
        while (true)
        {
            pair = _slots[slot] - 1;
            if (pair < 0)
            {
                return false;
            }

            if (_pairKeys[pair] == key)
            {
                break;
            }

            slot = (slot + 1) & mask;
        }

        var day = PtpDate.ToDays(serviceDate);
        var best = -1;
        for (var i = _windowStart[pair]; i < _windowStart[pair + 1]; i++)
        {
            var window = _windows[i];
            if (window.Indicator == 9 || !window.Covers(day))
            {
                continue;
            }

            if (best < 0 || window.Indicator < _windows[best].Indicator ||
                (window.Indicator == _windows[best].Indicator && window.Effective > _windows[best].Effective))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return false;
        }

        var found = _windows[best];
        match = new PtpMatch(
            column1,
            column2,
            PtpDate.FromDays(found.Effective),
            found.Deletion == PtpDate.Open ? null : PtpDate.FromDays(found.Deletion),
            found.Indicator,
            _rationales[found.RationaleId],
            Info.TableVersion);
        return true;
    }

    internal static ulong PairKey(HcpcsCode column1, HcpcsCode column2) => ((ulong)column1.Value << 32) | column2.Value;

    /// <summary>Slots for a load of at most 2/3: the power of two above 1.5 × the pair count.</summary>
    private static int HashBits(int pairs) => Math.Max(4, 64 - (int)ulong.LeadingZeroCount((ulong)(pairs * 3 / 2) | 1));

    private int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
