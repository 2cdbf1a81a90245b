using System.Text.Json.Serialization;

namespace Scrubber.Core.CodeSets;

/// <summary>A code set as written in <c>rules/codesets/NAME.json</c> (schema: rules/schema/codeset.schema.json).</summary>
internal sealed record CodeSetDocument(
    [property: JsonPropertyName("$schema")] string? Schema,
    string Name,
    string Description,
    IReadOnlyList<string>? Include,
    IReadOnlyList<CodeSetEntryDocument> Entries);

/// <summary>One code or inclusive range, its category, and where it comes from.</summary>
internal sealed record CodeSetEntryDocument(string Codes, string? Category, string Source);
