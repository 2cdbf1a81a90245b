using System.Collections.Immutable;

namespace Scrubber.Audit.Outcomes;

/// <summary>What ingesting one 835 did: counts, denials by family, and the first claims and lines that could not be tied
/// to a sent scrub (all of them are stored).</summary>
public sealed record IngestResult(
    string Sha256,
    bool Duplicate,
    int Claims,
    int Lines,
    int MatchedClaims,
    int MatchedLines,
    int DeniedLines,
    int Reversals,
    ImmutableArray<UnmatchedRemitClaim> UnmatchedClaims,
    ImmutableArray<UnmatchedRemitLine> UnmatchedLines)
{
    /// <summary>Denied lines by denial family (<see cref="DenialFamilies"/>); reversals are not counted.</summary>
    public ImmutableSortedDictionary<string, int> DenialsByFamily { get; init; } = ImmutableSortedDictionary<string, int>.Empty;

    /// <summary>Unmatched claims in all; <see cref="UnmatchedClaims"/> lists the first few.</summary>
    public int UnmatchedClaimCount { get; init; }

    /// <summary>Unmatched lines in all; <see cref="UnmatchedLines"/> lists the first few.</summary>
    public int UnmatchedLineCount { get; init; }
}

public sealed record UnmatchedRemitClaim(string ClaimId, string PayerClaimNumber, string Reason);

public sealed record UnmatchedRemitLine(string ClaimId, string LineControlNumber, string ProcedureCode, DateOnly? ServiceDate, string Reason);
