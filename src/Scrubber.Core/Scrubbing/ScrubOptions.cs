using System.ComponentModel.DataAnnotations;
using Scrubber.Core.Claims;

namespace Scrubber.Core.Scrubbing;

/// <summary>How claims are scrubbed; bound from the <c>Scrub</c> section of the settings.</summary>
public sealed class ScrubOptions
{
    public const string Section = "Scrub";

    /// <summary>Which provider lines must share to pair. Default <see cref="ProviderScope.RenderingNpi"/>.</summary>
    public ProviderScope ProviderScope { get; set; } = ProviderScope.RenderingNpi;

    /// <summary>Who counts as the surgeon's "same physician" for global surgery periods. Default
    /// <see cref="Scrubbing.GlobalScope.RenderingNpi"/>.</summary>
    public GlobalScope GlobalScope { get; set; } = GlobalScope.RenderingNpi;

    /// <summary>Severity of an indicator-1 edit with no qualifying modifier. Default <see cref="Severity.HardStop"/>: as
    /// billed, the column 2 line will be denied (domain.md §2.4). <see cref="Severity.Warning"/> softens it per
    /// deployment, and a pack's severity policy per payer.</summary>
    public Severity IndicatorOneSeverity { get; set; } = Severity.HardStop;

    /// <summary>Most lines a claim may have. Default 50, the 837P limit per claim.</summary>
    [Range(1, 10_000)]
    public int MaxLinesPerClaim { get; set; } = 50;

    /// <summary>Longest string any claim field may hold, in characters. Default 80 (<see cref="ClaimLimits.DefaultMaxFieldLength"/>).</summary>
    [Range(16, 4096)]
    public int MaxFieldLength { get; set; } = ClaimLimits.DefaultMaxFieldLength;

    /// <summary>The limits above, as the claim validator takes them.</summary>
    public ClaimLimits ClaimLimits => new(MaxLinesPerClaim, MaxFieldLength);
}
