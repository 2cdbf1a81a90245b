namespace Scrubber.Core.Claims;

/// <summary>A line already sent on an earlier claim for the same patient; NCCI pairs it with a new claim's lines of
/// the same date and provider (domain.md §2.1: edits apply across claims, against history).</summary>
/// <param name="ClaimId">The earlier claim's id.</param>
/// <param name="BillingProviderNpi">The earlier claim's billing NPI, for provider pairing.</param>
/// <param name="Line">The line as it was sent.</param>
public sealed record PriorLine(string ClaimId, string BillingProviderNpi, ClaimLine Line);
