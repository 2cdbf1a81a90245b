namespace Scrubber.Audit.Outcomes;

/// <summary>Why a remitted claim or line is unmatched, worded the same at ingest and when listed later.</summary>
internal static class UnmatchedReasons
{
    public const string Claim = "no scrubbed claim has this claim id (CLP01)";

    public const string LineOfUnmatchedClaim = "its claim is unmatched";

    public const string Line = "no sent line has this REF*6R, nor this code, modifiers, date and charge";
}
