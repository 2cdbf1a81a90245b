using Scrubber.Core.Ncci.Snapshots;

namespace Scrubber.Core.Ncci;

/// <summary>The index written and read as it lies in memory, so a compiled snapshot loads at disk speed.</summary>
public sealed partial class PtpTable
{
    internal void WriteTo(SnapshotWriter writer)
    {
        writer.String(Info.TableVersion);
        writer.Int32(Info.AppliesFrom.DayNumber);
        writer.Strings(Info.Parts);
        writer.Strings(Info.Files);
        writer.Int64(Info.Rows);
        writer.Int64(Info.Pairs);
        writer.Int64(Info.MalformedRows);
        writer.Int64(Info.OverlappingWindows);
        writer.Strings(_rationales);
        writer.Int32(_shift);
        writer.Array(_pairKeys);
        writer.Array(_windowStart);
        writer.Array(_windows);
        writer.Array(_slots);
    }

    /// <exception cref="NcciLoadException">The bytes do not describe a consistent index.</exception>
    internal static PtpTable ReadFrom(SnapshotReader reader, NcciTableKind kind)
    {
        var info = new NcciTableInfo(
            kind,
            reader.String(),
            DateOnly.FromDayNumber(DayNumber(reader)),
            [.. reader.Strings(1_000)],
            [.. reader.Strings(1_000)],
            reader.Int64(),
            reader.Int64(),
            reader.Int64(),
            reader.Int64());
        var rationales = reader.Strings(ushort.MaxValue);
        var shift = reader.Int32();
        var table = new PtpTable(info, reader.Array<ulong>(), reader.Array<int>(), reader.Array<PtpWindow>(), rationales,
            reader.Array<int>(), shift);
        table.Validate(reader);
        return table;
    }

    private static int DayNumber(SnapshotReader reader)
    {
        var day = reader.Int32();
        return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber ? day : throw reader.Fail($"day number {day} is not a date");
    }

    /// <summary>Checks every invariant a lookup relies on, so a damaged or hand-made file can never send a lookup
    /// out of bounds. One pass over the arrays: tens of milliseconds at full size.</summary>
    private void Validate(SnapshotReader reader)
    {
        var pairs = _pairKeys.Length;
        if (_shift is < 32 or > 60 || _slots.Length != 1 << (64 - _shift) || _slots.Length <= pairs ||
            _windowStart.Length != pairs + 1 || _windowStart[0] != 0 || _windowStart[pairs] != _windows.Length ||
            Info.Pairs != pairs || Info.Rows != _windows.Length)
        {
            throw reader.Fail($"the sizes of {Info.TableVersion}'s arrays do not agree");
        }

        for (var p = 0; p < pairs; p++)
        {
            if (_windowStart[p + 1] <= _windowStart[p] || (p > 0 && _pairKeys[p] <= _pairKeys[p - 1]))
            {
                throw reader.Fail($"pair {p:N0} of {Info.TableVersion} is out of order");
            }
        }

        foreach (var window in _windows)
        {
            if (window.Indicator is not (0 or 1 or 9) || window.RationaleId >= _rationales.Length || window.Deletion < window.Effective)
            {
                throw reader.Fail($"a date window of {Info.TableVersion} holds impossible values");
            }
        }

        var filled = 0;
        foreach (var slot in _slots)
        {
            if ((uint)slot > (uint)pairs)
            {
                throw reader.Fail($"a hash slot of {Info.TableVersion} points past its pairs");
            }

            filled += slot == 0 ? 0 : 1;
        }

        if (filled != pairs)
        {
            throw reader.Fail($"the hash of {Info.TableVersion} holds {filled:N0} pairs, not {pairs:N0}");
        }
    }
}
