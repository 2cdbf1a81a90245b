using System.Collections.Immutable;
using RulesEngine.Exceptions;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Packs.Vocabulary;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Core.Packs;

/// <summary>Runs a pack's rules on a claim, only those its codes can trigger, and turns each one that fires into an edit.</summary>
internal static class PackRuleEvaluator
{
    public static void Evaluate(CompiledPack pack, Claim claim, ProviderScope scope, List<Edit> edits, List<RuleFault> faults, IList<RuleTrace>? trace)
    {
        var facts = ClaimFacts.Of(claim, scope);
        if (!pack.Modifiers.AcceptsXModifiers)
        {
            AddXModifierNotAccepted(pack, facts, edits);
        }

        foreach (var rule in pack.Rules)
        {
            if (rule.Scope == RuleScope.Claim && facts.Lines.FirstOrDefault(l => rule.Codes.Matches(l.Line.Code)) is { } subject)
            {
                Run(pack, rule, rule.Codes.MatchesEverything ? null : subject, null, facts, edits, faults, trace);
            }
        }

        foreach (var line in facts.Lines)
        {
            foreach (var rule in pack.RulesFor(line.Line.Code))
            {
                if (rule.Scope == RuleScope.Line)
                {
                    Run(pack, rule, line, null, facts, edits, faults, trace);
                    continue;
                }

                foreach (var other in line.SameDayLines)
                {
                    if (rule.OtherCodes.Matches(other.Line.Code))
                    {
                        Run(pack, rule, line, other, facts, edits, faults, trace);
                    }
                }
            }
        }
    }

    private static void Run(CompiledPack pack, CompiledRule rule, LineFacts? line, LineFacts? other, ClaimFacts facts,
        List<Edit> edits, List<RuleFault> faults, IList<RuleTrace>? trace)
    {
        bool fired;
        try
        {
            fired = rule.Condition(PackCompiler.Arguments(rule.Scope, line, other, facts));
        }
        catch (Exception ex) when (ex is RuleException or InvalidOperationException or ArgumentException or NullReferenceException
            or IndexOutOfRangeException or InvalidCastException or FormatException or OverflowException or ArithmeticException)
        {
            faults.Add(new RuleFault($"{pack.Source}/{rule.Name}", ex.Message));
            trace?.Add(new RuleTrace(rule.Name, line?.LineId, other?.LineId, false, ex.Message));
            return;
        }

        trace?.Add(new RuleTrace(rule.Name, line?.LineId, other?.LineId, fired, null));
        if (fired)
        {
            edits.Add(EditOf(pack, rule, line, other, facts));
        }
    }

    private static Edit EditOf(CompiledPack pack, CompiledRule rule, LineFacts? line, LineFacts? other, ClaimFacts facts)
    {
        var suggestions = rule.Suggestions
            .Select(s => new SuggestedModifier(s.Modifier, (s.On == "other" ? other : line)?.LineId ?? string.Empty, s.Reason))
            .ToImmutableArray();
        return new Edit(rule.EditType, rule.Severity, line?.LineId ?? string.Empty, other?.LineId ?? string.Empty,
            other?.Code ?? string.Empty, other is null ? string.Empty : line?.Code ?? string.Empty, null, suggestions,
            rule.Message.Render(line, other, facts), $"{pack.Source}/{rule.Name}")
        {
            Rule = rule.Name,

            // A payer rule that names modifiers is answered by one; without, the rule's message is for a person to weigh.
            Action = suggestions.IsEmpty ? RecommendedAction.Review : RecommendedAction.AddModifier,
        };
    }

    private static void AddXModifierNotAccepted(CompiledPack pack, ClaimFacts facts, List<Edit> edits)
    {
        foreach (var line in facts.Lines)
        {
            var x = line.Modifiers.FirstOrDefault(NcciModifiers.IsX);
            if (x is null)
            {
                continue;
            }

            edits.Add(new Edit(EditTypes.PayerXModifierNotAccepted, Severity.Warning, line.LineId, string.Empty, string.Empty, string.Empty, null,
                [new SuggestedModifier("59", line.LineId, $"This payer does not accept X modifiers; 59 is how it takes a distinct service (replacing {x}).")],
                $"{pack.Name} does not accept X modifiers: {x} on line {line.LineId} will not bypass its edits. Use 59 instead, if the record supports a distinct service.",
                $"{pack.Source}/modifier-policy")
            {
                Action = RecommendedAction.CorrectModifier,
            });
        }
    }
}
