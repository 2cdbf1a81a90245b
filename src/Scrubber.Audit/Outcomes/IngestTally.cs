using System.Collections.Immutable;

namespace Scrubber.Audit.Outcomes;

/// <summary>What one run of an ingest counted: matches, denials by family, and the first unmatched claims and lines.</summary>
internal sealed class IngestTally(int maxListed)
{
    private readonly List<UnmatchedRemitClaim> _unmatchedClaims = [];
    private readonly List<UnmatchedRemitLine> _unmatchedLines = [];
    private readonly SortedDictionary<string, int> _families = new(StringComparer.Ordinal);
    private int _matchedClaims;
    private int _matchedLines;
    private int _unmatchedClaimCount;
    private int _unmatchedLineCount;

    public void Claim(RemittanceClaim claim, bool matched)
    {
        if (matched)
        {
            _matchedClaims++;
        }
        else if (_unmatchedClaimCount++ < maxListed)
        {
            _unmatchedClaims.Add(new UnmatchedRemitClaim(claim.ClaimId, claim.PayerClaimNumber, UnmatchedReasons.Claim));
        }
    }

    public void Line(RemittanceClaim claim, RemittanceLine line, bool claimMatched, bool matched)
    {
        if (matched)
        {
            _matchedLines++;
        }
        else if (_unmatchedLineCount++ < maxListed)
        {
            _unmatchedLines.Add(new UnmatchedRemitLine(claim.ClaimId, line.LineControlNumber, line.ProcedureCode, line.ServiceDate,
                claimMatched ? UnmatchedReasons.Line : UnmatchedReasons.LineOfUnmatchedClaim));
        }

        // A reversal takes back an earlier adjudication; it is not a new denial.
        if (!claim.IsReversal && line.Denial() is { } denial)
        {
            _families[denial.Family] = _families.GetValueOrDefault(denial.Family) + 1;
        }
    }

    public IngestResult Result(Remittance remittance, bool duplicate) => new(
        remittance.Sha256,
        duplicate,
        remittance.Claims.Length,
        remittance.Claims.Sum(c => c.Lines.Length),
        _matchedClaims,
        _matchedLines,
        _families.Where(f => f.Key != DenialFamilies.Other).Sum(f => f.Value),
        remittance.Claims.Count(c => c.IsReversal),
        [.. _unmatchedClaims],
        [.. _unmatchedLines])
    {
        DenialsByFamily = _families.ToImmutableSortedDictionary(StringComparer.Ordinal),
        UnmatchedClaimCount = _unmatchedClaimCount,
        UnmatchedLineCount = _unmatchedLineCount,
    };
}
