namespace Scrubber.Core.Scrubbing;

/// <summary>Which provider two lines must share to pair under a PTP edit (domain.md §2.1).</summary>
public enum ProviderScope
{
    /// <summary>The rendering NPI, falling back to the billing NPI when a line has none. What Medicare does.</summary>
    RenderingNpi,

    /// <summary>The billing NPI: every line of a claim pairs; XP becomes the right modifier for different renderers.</summary>
    BillingNpi,
}
