namespace Scrubber.Core.Scrubbing;

/// <summary>Who is the "same physician" as the surgeon for a global surgery period (domain.md §5): setting
/// <c>Scrub:GlobalScope</c>.</summary>
public enum GlobalScope
{
    /// <summary>The same rendering NPI (the billing NPI for a line without one). The default.</summary>
    RenderingNpi,

    /// <summary>The same billing NPI and the same specialty (the rendering provider's taxonomy): CMS treats physicians
    /// of one specialty in one group as one physician for global surgery.</summary>
    GroupSpecialty,
}
