namespace Scrubber.Core.Scrubbing;

/// <summary>How much an edit blocks the claim; ordered, so the claim's disposition is the highest.</summary>
public enum Severity
{
    /// <summary>Recorded for audit; does not block.</summary>
    Info = 1,

    /// <summary>Review before sending; the claim may go as it is.</summary>
    Warning = 2,

    /// <summary>The claim will be denied as it is; fix before sending.</summary>
    HardStop = 3,
}
