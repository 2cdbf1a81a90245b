using System.Runtime.InteropServices;

namespace Scrubber.Core.Ncci;

/// <summary>One row of a pair: the dates it is in force, its modifier indicator and rationale. Eight bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 2)]
internal readonly record struct PtpWindow(ushort Effective, ushort Deletion, byte Indicator, bool ExistedBefore1996, ushort RationaleId)
{
    /// <summary>Inclusive at both ends: the deletion date is the last day the edit is active (domain.md §2.2).</summary>
    public bool Covers(ushort day) => Effective <= day && day <= Deletion;
}
