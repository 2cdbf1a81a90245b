using System.Collections.Immutable;

namespace Scrubber.Audit.Outcomes;

/// <summary>What ingesting one 835 did: counts, and every claim and line that could not be tied to a sent scrub.</summary>
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
    ImmutableArray<UnmatchedRemitLine> UnmatchedLines);

public sealed record UnmatchedRemitClaim(string ClaimId, string PayerClaimNumber, string Reason);

public sealed record UnmatchedRemitLine(string ClaimId, string LineControlNumber, string ProcedureCode, DateOnly? ServiceDate, string Reason);
