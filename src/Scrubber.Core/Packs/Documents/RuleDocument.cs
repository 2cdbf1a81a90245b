namespace Scrubber.Core.Packs.Documents;

/// <summary>One payer rule: where it looks, the RulesEngine expression that decides, and the edit it raises.</summary>
public sealed record RuleDocument
{
    /// <summary>Unique within the pack; names the rule in edits, errors and <c>scrubctl rules explain</c>.</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Whether the rule looks at one line, a pair of same-day lines, or the whole claim.</summary>
    public required RuleScope Scope { get; init; }

    /// <summary>Codes (or ranges such as "99202-99215") the <c>line</c> must have for the rule to run; none means every line.</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    /// <summary>For pair rules: codes or ranges the <c>other</c> line must have; none means any line.</summary>
    public IReadOnlyList<string> OtherCodes { get; init; } = [];

    /// <summary>A Microsoft RulesEngine lambda expression over the inputs of the scope; true raises the edit.</summary>
    public required string Expression { get; init; }

    public required EditDocument Edit { get; init; }
}

/// <summary>The scopes a rule can have, which decide its inputs.</summary>
public enum RuleScope
{
    /// <summary>Inputs <c>line</c> and <c>claim</c>; runs for each line.</summary>
    Line,

    /// <summary>Inputs <c>line</c>, <c>other</c> and <c>claim</c>; runs for each ordered pair of same-day lines of one provider.</summary>
    Pair,

    /// <summary>Input <c>claim</c>; runs once.</summary>
    Claim,
}

/// <summary>The edit a rule raises when its expression is true.</summary>
public sealed record EditDocument
{
    /// <summary>The edit type PM systems see, e.g. PAYER_BUNDLE. Default PAYER_RULE.</summary>
    public string Type { get; init; } = "PAYER_RULE";

    public required EditSeverity Severity { get; init; }

    /// <summary>Plain English; may use {line.Code}, {line.LineId}, {other.Code}, {other.LineId}, {claim.PayerId}.</summary>
    public required string Message { get; init; }

    public IReadOnlyList<SuggestionDocument> Suggest { get; init; } = [];
}

/// <summary>A modifier the edit suggests and which line it goes on.</summary>
public sealed record SuggestionDocument
{
    public required string Modifier { get; init; }

    /// <summary>"line" (default) or "other".</summary>
    public string On { get; init; } = "line";

    public required string Reason { get; init; }
}
