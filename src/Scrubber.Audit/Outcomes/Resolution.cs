namespace Scrubber.Audit.Outcomes;

/// <summary>A step in working a denied line.</summary>
/// <param name="ClaimId">The claim as sent (CLM01).</param>
/// <param name="LineId">The line as sent (REF*6R).</param>
/// <param name="Status">What was done.</param>
/// <param name="Amount">Dollars recovered or written off, when the step has an amount.</param>
/// <param name="HappenedOn">When the step happened.</param>
/// <param name="Note">Free text for the team.</param>
public sealed record Resolution(string ClaimId, string LineId, ResolutionStatus Status, decimal? Amount, DateOnly HappenedOn, string Note);

/// <summary>How a denied line is being worked.</summary>
public enum ResolutionStatus
{
    CorrectedClaimSent,
    Appealed,
    Recovered,
    WrittenOff,
}
