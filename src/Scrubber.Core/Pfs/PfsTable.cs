using System.Collections.Frozen;
using Scrubber.Core.Claims;

namespace Scrubber.Core.Pfs;

/// <summary>One fee schedule RVU release, indexed by code and modifier. Built once per load and never changed, so calls
/// read it without locks.</summary>
public sealed class PfsTable
{
    private readonly FrozenDictionary<ulong, PfsEntry> _byKey;

    public PfsTable(PfsTableInfo info, IReadOnlyDictionary<ulong, PfsEntry> entries)
    {
        Info = info;
        _byKey = entries.ToFrozenDictionary();
    }

    public PfsTableInfo Info { get; }

    /// <summary>The code's global row: the row whose MOD is empty, which carries the code's global period.</summary>
    public bool TryGet(HcpcsCode code, out PfsEntry entry) => _byKey.TryGetValue(Key(code, 0), out entry);

    /// <summary>The code's row for a modifier (26, TC, 53…), kept apart from its global row; an empty modifier is the
    /// global row. False when the file has no such row, or the modifier is not two letters or digits.</summary>
    public bool TryGet(HcpcsCode code, ReadOnlySpan<char> modifier, out PfsEntry entry)
    {
        if (!TryPackModifier(modifier, out var packed))
        {
            entry = default;
            return false;
        }

        return _byKey.TryGetValue(Key(code, packed), out entry);
    }

    /// <summary>The index key of a code and a packed modifier.</summary>
    internal static ulong Key(HcpcsCode code, ushort modifier) => ((ulong)code.Value << 16) | modifier;

    /// <summary>Packs an empty modifier as 0 and a two-character one (letters upper-cased) as its two bytes.</summary>
    internal static bool TryPackModifier(ReadOnlySpan<char> modifier, out ushort packed)
    {
        packed = 0;
        if (modifier.IsEmpty)
        {
            return true;
        }

        if (modifier.Length != 2 || !char.IsAsciiLetterOrDigit(modifier[0]) || !char.IsAsciiLetterOrDigit(modifier[1]))
        {
            return false;
        }

        packed = (ushort)((char.ToUpperInvariant(modifier[0]) << 8) | char.ToUpperInvariant(modifier[1]));
        return true;
    }
}
