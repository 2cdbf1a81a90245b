using System.Collections.Immutable;
using System.Globalization;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Packs.Vocabulary;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Core.Packs;

/// <summary>Runs a pack's rules on a claim, only those its codes can trigger, and turns each one that fires into an edit.</summary>
/// <remarks>Before every rule it checks the call's cancellation and the pack's time budget: a cancelled call stops;
/// a claim over the budget gets a <see cref="EditTypes.PackBudgetExceeded"/> warning naming the rule reached, and the
/// rest of the pack's rules are skipped, so one payer's costly rules cannot hold a worker for long.</remarks>
internal sealed class PackRuleEvaluator
{
    private readonly CompiledPack _pack;
    private readonly ClaimFacts _facts;
    private readonly Outputs _outputs;
    private readonly PackBudget _budget;
    private readonly CancellationToken _cancellationToken;
    private readonly long _started;

    private PackRuleEvaluator(CompiledPack pack, ClaimFacts facts, Outputs outputs, PackBudget budget, CancellationToken cancellationToken)
    {
        (_pack, _facts, _outputs, _budget, _cancellationToken) = (pack, facts, outputs, budget, cancellationToken);
        _started = budget.Time.GetTimestamp();
    }

    /// <summary>Runs <paramref name="pack"/>'s rules on <paramref name="claim"/>; <paramref name="history"/> is the
    /// patient's sent lines the scrub read, for the history helpers.</summary>
    /// <exception cref="ScrubCancelledException"><paramref name="cancellationToken"/> was cancelled before a rule.</exception>
    public static void Evaluate(CompiledPack pack, Claim claim, IReadOnlyList<PriorLine>? history, ProviderScope scope, Outputs outputs, PackBudget budget,
        CancellationToken cancellationToken)
    {
        var evaluator = new PackRuleEvaluator(pack, ClaimFacts.Of(claim, scope, history), outputs, budget, cancellationToken);
        evaluator.Evaluate();
    }

    private void Evaluate()
    {
        if (!_pack.Modifiers.AcceptsXModifiers)
        {
            AddXModifierNotAccepted();
        }

        foreach (var rule in _pack.Rules)
        {
            if (rule.Scope == RuleScope.Claim && _facts.Lines.FirstOrDefault(l => rule.Codes.Matches(l.Line.Code)) is { } subject &&
                !Run(rule, rule.Codes.MatchesEverything ? null : subject, null))
            {
                return;
            }
        }

        foreach (var line in _facts.Lines)
        {
            foreach (var rule in _pack.RulesFor(line.Line.Code))
            {
                if (rule.Scope == RuleScope.Line)
                {
                    if (!Run(rule, line, null))
                    {
                        return;
                    }

                    continue;
                }

                foreach (var other in line.SameDayLines)
                {
                    if (rule.OtherCodes.Matches(other.Line.Code) && !Run(rule, line, other))
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>Runs one rule on one line (or pair); false when the budget ran out first and the rest is skipped.</summary>
    private bool Run(CompiledRule rule, LineFacts? line, LineFacts? other)
    {
        ScrubCancelledException.ThrowIfCancelled(ScrubPhases.Packs, _cancellationToken);
        if (_budget.IsLimited && _budget.Time.GetElapsedTime(_started) >= _budget.PerClaim)
        {
            _outputs.Edits.Add(BudgetExceeded(rule, line));
            _outputs.Trace?.Add(new RuleTrace(rule.Name, line?.LineId, other?.LineId, false, "not run: the pack's evaluation budget ran out"));
            return false;
        }

        bool fired;
        try
        {
            fired = rule.Condition(PackCompiler.Arguments(rule.Scope, line, other, _facts));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NullReferenceException
            or IndexOutOfRangeException or InvalidCastException or FormatException or OverflowException or ArithmeticException)
        {
            _outputs.Faults.Add(new RuleFault($"{_pack.Source}/{rule.Name}", ex.Message));
            _outputs.Trace?.Add(new RuleTrace(rule.Name, line?.LineId, other?.LineId, false, ex.Message));
            return true;
        }

        _outputs.Trace?.Add(new RuleTrace(rule.Name, line?.LineId, other?.LineId, fired, null));
        if (fired)
        {
            _outputs.Edits.Add(EditOf(rule, line, other));
        }

        return true;
    }

    private Edit BudgetExceeded(CompiledRule rule, LineFacts? line)
    {
        var at = line is null ? string.Empty : $" on line {line.LineId}";
        var budget = _budget.PerClaim.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        return new Edit(EditTypes.PackBudgetExceeded, Severity.Warning, line?.LineId ?? string.Empty, string.Empty, string.Empty, string.Empty,
            null, [],
            $"{_pack.Name} ran past its evaluation budget of {budget} ms on this claim at rule '{rule.Name}'{at}; that rule and the ones after " +
            "it were not run. Check the claim against this payer's policy before sending it.",
            $"{_pack.Source}/{rule.Name}")
        {
            Action = RecommendedAction.Review,
        };
    }

    private Edit EditOf(CompiledRule rule, LineFacts? line, LineFacts? other)
    {
        var suggestions = ImmutableArray.CreateBuilder<SuggestedModifier>(rule.Suggestions.Length);
        foreach (var s in rule.Suggestions)
        {
            // A pack's advice keeps the product's own modifier rules: 25 on a line that is not a visit would draw
            // MODIFIER_INVALID once sent, so such a suggestion is dropped and the edit kept. Every suggestion names a
            // line: a claim rule without codes, which has none to name, is refused when the pack loads.
            if ((s.On == "other" ? other : line) is { } target && ModifierValidity.IsValidOn(s.Modifier, target.Line.Code))
            {
                suggestions.Add(new SuggestedModifier(s.Modifier, target.LineId, s.Reason));
            }
        }

        return new Edit(rule.EditType, rule.Severity, line?.LineId ?? string.Empty, other?.LineId ?? string.Empty,
            other?.Code ?? string.Empty, other is null ? string.Empty : line?.Code ?? string.Empty, null, suggestions.ToImmutable(),
            rule.Message.Render(line, other, _facts), _pack.SourceOf(rule))
        {
            Rule = rule.Name,

            // A payer rule that names a modifier valid here is answered by one; otherwise its message is for a person to weigh.
            Action = suggestions.Count == 0 ? RecommendedAction.Review : RecommendedAction.AddModifier,
        };
    }

    private void AddXModifierNotAccepted()
    {
        foreach (var line in _facts.Lines)
        {
            var x = line.Modifiers.FirstOrDefault(NcciModifiers.IsX);
            if (x is null)
            {
                continue;
            }

            _outputs.Edits.Add(new Edit(EditTypes.PayerXModifierNotAccepted, Severity.Warning, line.LineId, string.Empty, string.Empty, string.Empty, null,
                [new SuggestedModifier("59", line.LineId, $"This payer does not accept X modifiers; 59 is how it takes a distinct service (replacing {x}).")],
                $"{_pack.Name} does not accept X modifiers: {x} on line {line.LineId} will not bypass its edits. Use 59 instead, if the record supports a distinct service.",
                $"{_pack.Source}/modifier-policy")
            {
                Action = RecommendedAction.CorrectModifier,
            });
        }
    }

    /// <summary>Where an evaluation puts what it finds.</summary>
    /// <param name="Edits">The edits rules raise.</param>
    /// <param name="Faults">Rules that threw.</param>
    /// <param name="Trace">Every rule run, for <c>scrubctl rules explain</c>; null when nobody asked.</param>
    internal sealed record Outputs(List<Edit> Edits, List<RuleFault> Faults, IList<RuleTrace>? Trace);
}
