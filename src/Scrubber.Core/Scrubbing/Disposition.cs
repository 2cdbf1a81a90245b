namespace Scrubber.Core.Scrubbing;

/// <summary>The verdict on a whole claim: the highest severity among its edits.</summary>
public enum Disposition
{
    /// <summary>No edit, or only informational ones.</summary>
    Clean = 1,

    /// <summary>At least one warning and no hard stop.</summary>
    Warnings = 2,

    /// <summary>At least one hard stop.</summary>
    HardStop = 3,
}
