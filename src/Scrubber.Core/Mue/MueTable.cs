using System.Collections.Frozen;
using Scrubber.Core.Claims;

namespace Scrubber.Core.Mue;

/// <summary>One MUE release, indexed by code. Built once per load and never changed, so calls read it without locks.</summary>
public sealed class MueTable
{
    private readonly FrozenDictionary<uint, MueEntry> _byCode;

    public MueTable(MueTableInfo info, IReadOnlyDictionary<HcpcsCode, MueEntry> entries)
    {
        Info = info;
        _byCode = entries.ToFrozenDictionary(e => e.Key.Value, e => e.Value);
    }

    public MueTableInfo Info { get; }

    /// <summary>The code's MUE; false when the file has no row for it (it may still have a confidential MUE, so the
    /// line is "not evaluated", never "passed").</summary>
    public bool TryGet(HcpcsCode code, out MueEntry entry) => _byCode.TryGetValue(code.Value, out entry);
}
