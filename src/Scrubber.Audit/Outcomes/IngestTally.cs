using System.Collections.Immutable;

namespace Scrubber.Audit.Outcomes;

/// <summary>What an ingest counted: matches, denials by family, and the first unmatched claims and lines. Each chunk
/// write counts its own; the ingest merges them in file order.</summary>
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

    /// <summary>Adds what a later chunk counted.</summary>
    public void Merge(IngestTally chunk)
    {
        _matchedClaims += chunk._matchedClaims;
        _matchedLines += chunk._matchedLines;
        _unmatchedClaimCount += chunk._unmatchedClaimCount;
        _unmatchedLineCount += chunk._unmatchedLineCount;
        _unmatchedClaims.AddRange(chunk._unmatchedClaims.Take(maxListed - _unmatchedClaims.Count));
        _unmatchedLines.AddRange(chunk._unmatchedLines.Take(maxListed - _unmatchedLines.Count));
        foreach (var (family, count) in chunk._families)
        {
            _families[family] = _families.GetValueOrDefault(family) + count;
        }
    }

    public IngestResult Result(Remittance remittance, bool duplicate) => duplicate ? new IngestTally(0).Counted(remittance, duplicate) : Counted(remittance, duplicate);

    private IngestResult Counted(Remittance remittance, bool duplicate) => new(
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
