using System.Text.Json.Serialization;
using Scrubber.Core.Claims;

namespace Scrubber.Core.Packs.Documents;

/// <summary>An example claim of a pack and the pack edits it must produce, exactly (schema: rules/schema/example.schema.json).</summary>
public sealed record ExampleDocument
{
    /// <summary>The schema reference editors use for completion; ignored otherwise.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required string Description { get; init; }

    /// <summary>The claim, in the same JSON as the API's <c>scrubber.v1.Claim</c>.</summary>
    public required ClaimInput Claim { get; init; }

    /// <summary>The NCCI rows the example assumes; when given, the example is scrubbed against these rows alone.</summary>
    public IReadOnlyList<AssumedRow>? Assumes { get; init; }

    /// <summary>Earlier claims of the same patient, already sent, as the scrub reads them from history: for rules that
    /// read history (TimesBilled, UnitsBilledOn, LastBilled) and for NCCI pairs across claims.</summary>
    public IReadOnlyList<ClaimInput>? History { get; init; }

    /// <summary>Every edit the pack raises on the claim; an empty list means the pack must raise none.</summary>
    public required IReadOnlyList<ExpectedEdit> Expect { get; init; }
}

/// <summary>One expected edit: the rule (or policy edit type), the line it is on, its severity.</summary>
public sealed record ExpectedEdit
{
    /// <summary>The rule name, for an edit a rule raises.</summary>
    public string? Rule { get; init; }

    /// <summary>The edit type, for an edit a pack policy raises (e.g. PAYER_PREFERS_X_MODIFIER).</summary>
    public string? Type { get; init; }

    public required string Line { get; init; }

    public required EditSeverity Severity { get; init; }
}
