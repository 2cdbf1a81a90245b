namespace Scrubber.Audit.Schema;

/// <summary>Schema 9, the same on both providers: each line keeps its rendering provider's taxonomy, so global surgery
/// can treat physicians of one specialty in one group as one (<c>Scrub:GlobalScope=GroupSpecialty</c>) across claims
/// already sent. Lines written before it have none ('').</summary>
internal static class TaxonomySchema
{
    public static Migration For(string text) => new(9, "rendering provider taxonomy", $"""
        ALTER TABLE scrub_lines ADD COLUMN taxonomy {text} NOT NULL DEFAULT '';
        ALTER TABLE sent_lines ADD COLUMN taxonomy {text} NOT NULL DEFAULT '';
        """);
}
