using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Audit.Scrubs;

/// <summary>What is recorded of one scrub: the claim as scrubbed (the patient only as its key) and every edit.</summary>
/// <param name="ScrubId">The id the caller was given.</param>
/// <param name="ScrubbedAt">When the scrub answered.</param>
/// <param name="Claim">The claim; its raw patient id is never written.</param>
/// <param name="PatientKey">The keyed hash standing for the patient.</param>
/// <param name="Result">The edits and the versions of the tables and pack used.</param>
public sealed record ScrubRecord(string ScrubId, DateTimeOffset ScrubbedAt, Claim Claim, string PatientKey, ScrubResult Result);
