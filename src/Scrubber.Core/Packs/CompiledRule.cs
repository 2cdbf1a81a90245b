using System.Collections.Immutable;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Core.Packs;

/// <summary>A rule ready to run: its filters, its RulesEngine workflow name, and the edit it raises.</summary>
internal sealed record CompiledRule(
    string Name,
    RuleScope Scope,
    CodeFilter Codes,
    CodeFilter OtherCodes,
    string Expression,
    string EditType,
    Severity Severity,
    MessageTemplate Message,
    ImmutableArray<SuggestionDocument> Suggestions)
{
    /// <summary>The workflow that holds this rule's one RulesEngine rule.</summary>
    public string WorkflowName => Name;

    /// <summary>What one evaluation costs on the worst claim, in the units of <see cref="Sandbox.PackCost"/>.</summary>
    public long Weight { get; init; }

    /// <summary>Whether the expression reads the patient's sent history (a history helper).</summary>
    public bool ReadsHistory { get; init; }

    /// <summary>The expression tree the sandbox accepted; <see cref="Condition"/> is compiled from it.</summary>
    internal Sandbox.CheckedExpression? Checked { get; init; }

    /// <summary>The checked expression, compiled; takes <see cref="PackCompiler.Arguments"/>. Set once the
    /// pack has compiled and warmed up.</summary>
    public Func<object?[], bool> Condition { get; init; } = static _ => throw new InvalidOperationException("The rule is not compiled.");
}
