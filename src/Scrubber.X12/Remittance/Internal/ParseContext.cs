using Scrubber.X12.Internal;

namespace Scrubber.X12.Remittance.Internal;

/// <summary>What the loops of one 835 share while it is parsed: the bounds, and where warnings go.</summary>
internal sealed record ParseContext(RemittanceOptions Options, ReadWarnings Warnings);
