namespace Scrubber.Audit.Schema;

/// <summary>Schema 11, the same on both providers: the scrubs that replace another claim, indexed apart. Each
/// confirmation and 835 asks which originals a claim's replacements stand for (<see cref="Reports.LineFacts"/>); by
/// the claim's index alone that read visited every scrub of the claim, so a claim re-scrubbed a hundred times made its
/// every confirmation slower. Replacements are few, and this index holds only them.</summary>
internal static class ReplacementsSchema
{
    public static Migration For() => new(11, "replacements indexed", """
        CREATE INDEX scrubs_replacing ON scrubs (claim_id) WHERE frequency = 'Replacement' AND original_claim_id <> '';
        """);
}
