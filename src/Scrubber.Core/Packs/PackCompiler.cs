using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Text.Json;
using RulesEngine.Exceptions;
using RulesEngine.Models;
using Scrubber.Core.Claims;
using Scrubber.Core.CodeSets;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Pfs;
using Scrubber.Core.Packs.Sandbox;
using Scrubber.Core.Packs.Vocabulary;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Core.Packs;

/// <summary>Checks a parsed pack rule by rule, compiles every expression with RulesEngine, and runs each once.</summary>
/// <remarks>
/// Each rule becomes its own RulesEngine workflow, so a claim runs only the rules its codes can trigger. Exceptions
/// are errors, not messages (<c>EnableExceptionAsErrorMessage = false</c>): an expression that does not compile fails
/// the pack, and is never a rule that silently never fires.
/// </remarks>
internal static class PackCompiler
{
    private static readonly DateOnly WarmUpDate = new(2026, 1, 5);

    public static CompiledPack? Compile(PackDocument document, string folder, string file, string version, List<PackError> errors, PackLimits? limits = null)
    {
        limits ??= PackLimits.Default;
        var before = errors.Count;
        var modifiers = ModifierPolicyOf(document.Modifiers);
        var pairs = PairSeveritiesOf(document.Severity, file, errors);
        var addOnPrimaries = AddOnPrimariesOf(document.AddOnPrimaries, file, errors);
        var globalDays = GlobalDaysOf(document.GlobalDays, file, errors);
        var rules = ImmutableArray.CreateBuilder<CompiledRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in document.Rules)
        {
            if (!names.Add(rule.Name))
            {
                errors.Add(new PackError(file, rule.Name, "another rule of this pack has the same name"));
                continue;
            }

            if (CheckRule(rule, file, errors, limits) is { } compiled)
            {
                rules.Add(compiled);
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        // Refused by what it would cost on the worst claim, computed before anything is compiled.
        if (PackCost.Check(rules, limits, file, out var cost) is { } tooCostly)
        {
            errors.Add(tooCostly);
            return null;
        }

        var engine = new RulesEngine.RulesEngine([.. rules.Select(Workflow)], Settings);
        foreach (var rule in rules)
        {
            if (WarmUp(engine, rule) is { } failure)
            {
                errors.Add(new PackError(file, rule.Name, failure));
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        // The workflow run above proved each expression under RulesEngine's own checks; scrubs then call a delegate
        // compiled from the very tree the sandbox checked, which skips the per-call workflow bookkeeping (result trees,
        // cache keys) that otherwise costs microseconds per evaluation.
        var ready = new List<CompiledRule>(rules.Count);
        foreach (var rule in rules)
        {
            try
            {
                ready.Add(rule with { Condition = rule.Checked!.Compile() });
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                errors.Add(new PackError(file, rule.Name, $"expression does not compile: {Unwrap(ex.Message, rule.Name)}"));
            }
        }

        return errors.Count > before ? null : new CompiledPack(document, folder, version, modifiers, pairs!, [.. ready])
        {
            EvaluationCost = cost,
            AddOnPrimaries = addOnPrimaries!,
            CarrierGlobalDays = globalDays!,
            Warnings = [.. ProgramWithoutTable(document, file), .. ready.SelectMany(r => SuggestionsNeverValid(r, file))],
        };
    }

    /// <summary><c>ncciProgram</c> beside <c>ncciTable: none</c>: no NCCI table is used, so the program chooses nothing.</summary>
    private static IEnumerable<PackError> ProgramWithoutTable(PackDocument document, string file)
    {
        if (document.NcciProgram is { } program && document.NcciTable == NcciTableChoice.None)
        {
            yield return new PackError(file, null,
                $"ncciProgram: '{JsonNamingPolicy.CamelCase.ConvertName(program.ToString())}' has no effect, since ncciTable is 'none' and no NCCI table is used");
        }
    }

    /// <summary>Visit modifiers (25, 57, 24, 27) a rule suggests on a line whose codes are never in the set they are
    /// valid on: the suggestion is dropped on every claim, which the author should know before publishing.</summary>
    private static IEnumerable<PackError> SuggestionsNeverValid(CompiledRule rule, string file)
    {
        foreach (var suggestion in rule.Suggestions)
        {
            var (filter, field) = suggestion.On == "other" ? (rule.OtherCodes, "otherCodes") : (rule.Codes, "codes");
            if (ModifierValidity.VisitSetOf(suggestion.Modifier) is { } setName && !filter.MatchesEverything &&
                !filter.Overlaps(CodeSetCatalog.Default[setName]))
            {
                yield return new PackError(file, rule.Name,
                    $"edit.suggest: {suggestion.Modifier} is valid only on the codes of {setName}, and none of the rule's {field} is one: " +
                    "the suggestion is dropped on every claim, so the edit never carries it");
            }
        }
    }

    /// <summary>RulesEngine settings: the vocabulary types only, exceptions thrown, no actions, no formatted messages.</summary>
    internal static ReSettings Settings => new()
    {
        CustomTypes = [typeof(LineFacts), typeof(ClaimFacts)],
        AutoRegisterInputType = false,
        EnableExceptionAsErrorMessage = false,

        // Despite its name, true makes a parse error throw; false would turn a broken expression into a constant false.
        EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
        EnableFormattedErrorMessage = false,
        EnableScopedParams = false,
        AutoExecuteActions = false,
        IgnoreException = false,
    };

    internal static Severity ToSeverity(EditSeverity severity) => severity switch
    {
        EditSeverity.Info => Severity.Info,
        EditSeverity.Warning => Severity.Warning,
        _ => Severity.HardStop,
    };

    /// <summary>The inputs a rule of <paramref name="scope"/> receives, in RulesEngine form.</summary>
    internal static RuleParameter[] Parameters(RuleScope scope, LineFacts? line, LineFacts? other, ClaimFacts claim) =>
        [.. ParameterTypes(scope).Zip(Arguments(scope, line, other, claim), static (input, value) => new RuleParameter(input.Name, value))];

    /// <summary>The inputs a rule of <paramref name="scope"/> receives, as values in the order of <see cref="ParameterTypes"/>.</summary>
    internal static object?[] Arguments(RuleScope scope, LineFacts? line, LineFacts? other, ClaimFacts claim) => scope switch
    {
        RuleScope.Line => [line, claim],
        RuleScope.Pair => [line, other, claim],
        _ => [claim],
    };

    /// <summary>The parameter expressions the parser binds a rule of <paramref name="scope"/>'s inputs to.</summary>
    internal static ParameterExpression[] ParameterExpressions(RuleScope scope) => [.. ParameterTypes(scope).Select(p => p.ParameterExpression)];

    private static RuleParameter[] ParameterTypes(RuleScope scope) => scope switch
    {
        RuleScope.Line => [RuleParameter.Create<LineFacts>(RuleInputs.Line, null!), RuleParameter.Create<ClaimFacts>(RuleInputs.Claim, null!)],
        RuleScope.Pair =>
        [
            RuleParameter.Create<LineFacts>(RuleInputs.Line, null!), RuleParameter.Create<LineFacts>(RuleInputs.Other, null!),
            RuleParameter.Create<ClaimFacts>(RuleInputs.Claim, null!),
        ],
        _ => [RuleParameter.Create<ClaimFacts>(RuleInputs.Claim, null!)],
    };

    private static CompiledRule? CheckRule(RuleDocument rule, string file, List<PackError> errors, PackLimits limits)
    {
        var problems = new List<string>();
        if (rule.Scope != RuleScope.Pair && rule.OtherCodes.Count > 0)
        {
            problems.Add("otherCodes applies to pair rules only");
        }

        foreach (var suggestion in rule.Edit.Suggest)
        {
            if (suggestion.On is not ("line" or "other") || (suggestion.On == "other" && rule.Scope != RuleScope.Pair))
            {
                problems.Add($"edit.suggest: a suggestion for {suggestion.Modifier} cannot go on '{suggestion.On}' in a {rule.Scope.ToString().ToLowerInvariant()} rule");
            }
            else if (rule.Scope == RuleScope.Claim && rule.Codes.Count == 0)
            {
                // A claim rule's edit sits on the first line whose code the rule lists; without codes it has no line,
                // and a suggestion without a line is advice a PM system cannot apply.
                problems.Add($"edit.suggest: a claim rule without codes has no line for {suggestion.Modifier} to go on; list the codes whose line it names (the first such line gets it)");
            }
        }

        var codes = CodeFilter.TryParse(rule.Codes, "codes", problems);
        var otherCodes = CodeFilter.TryParse(rule.OtherCodes, "otherCodes", problems);
        var message = MessageTemplate.TryParse(rule.Edit.Message, rule.Scope == RuleScope.Pair, problems);
        var sandboxed = RuleCheck.Check(rule, limits, problems);

        CodeSetNames.Check(rule.Expression, problems);

        foreach (var problem in problems)
        {
            errors.Add(new PackError(file, rule.Name, problem));
        }

        return problems.Count > 0
            ? null
            : new CompiledRule(rule.Name, rule.Scope, codes!, otherCodes!, rule.Expression, rule.Edit.Type, ToSeverity(rule.Edit.Severity),
                message!, [.. rule.Edit.Suggest]) { Weight = sandboxed!.Weight, Checked = sandboxed.Checked, ReadsHistory = sandboxed.ReadsHistory };
    }

    private static Workflow Workflow(CompiledRule rule) => new()
    {
        WorkflowName = rule.WorkflowName,
        Rules = [new Rule { RuleName = rule.Name, Expression = rule.Expression, RuleExpressionType = RuleExpressionType.LambdaExpression }],
    };

    /// <summary>Compiles and runs the rule once on a sample claim built from its own codes; returns what failed.</summary>
    private static string? WarmUp(RulesEngine.RulesEngine engine, CompiledRule rule)
    {
        var lineCode = SampleCode(rule.Codes);
        var claim = new Claim("WARM-UP", "WARM-UP", "WARM-UP", "1234567893", CareSetting.Professional,
        [
            new ClaimLine("1", lineCode, [], WarmUpDate, string.Empty, 100m, 1, ["Z0000"]),
            new ClaimLine("2", SampleCode(rule.OtherCodes), [], WarmUpDate, string.Empty, 100m, 1, ["Z0000"]),
        ]);
        var facts = ClaimFacts.Of(claim, ProviderScope.RenderingNpi);
        try
        {
            var results = engine.ExecuteAllRulesAsync(rule.WorkflowName, Parameters(rule.Scope, facts.Lines[0], facts.Lines[1], facts))
                .AsTask().GetAwaiter().GetResult();
            return results.Count == 1 && string.IsNullOrEmpty(results[0].ExceptionMessage)
                ? null
                : $"expression failed: {results.FirstOrDefault()?.ExceptionMessage}";
        }
        catch (RuleException ex)
        {
            return $"expression does not compile: {Unwrap(ex.Message, rule.Name)}";
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NullReferenceException or IndexOutOfRangeException or FormatException)
        {
            return $"expression failed on a sample claim: {ex.Message}";
        }
    }

    private static string Unwrap(string message, string ruleName) =>
        message.Replace($"Error while compiling rule `{ruleName}`: ", string.Empty, StringComparison.Ordinal);

    private static HcpcsCode SampleCode(CodeFilter filter) =>
        filter.Exact.Count > 0 ? filter.Exact.First()
        : !filter.Ranges.IsEmpty ? filter.Ranges[0].Low
        : HcpcsCode.Parse("99213");

    private static ModifierPolicy ModifierPolicyOf(ModifierPolicyDocument? document) =>
        document is null
            ? ModifierPolicy.Medicare
            : new ModifierPolicy(document.AcceptsXModifiers, document.Preference is { Count: > 0 } order ? [.. order] : ModifierPolicy.Medicare.Preference, document.PrefersXOver59);

    private static FrozenDictionary<ulong, Severity>? PairSeveritiesOf(SeverityPolicyDocument? document, string file, List<PackError> errors)
    {
        var pairs = new Dictionary<ulong, Severity>();
        foreach (var pair in document?.Pairs ?? [])
        {
            if (!HcpcsCode.TryParse(pair.Column1, out var column1) || !HcpcsCode.TryParse(pair.Column2, out var column2))
            {
                errors.Add(new PackError(file, null, $"severity.pairs: '{pair.Column1}/{pair.Column2}' is not a pair of 5-character codes"));
                continue;
            }

            pairs[PtpTable.PairKey(column1, column2)] = ToSeverity(pair.Severity);
        }

        return pairs.ToFrozenDictionary();
    }

    /// <summary>The pack's add-on primaries, each add-on code checked and each set name resolved, or null with errors
    /// naming the field. The schema checks the shapes first; this is what it cannot: that the set exists.</summary>
    private static FrozenDictionary<HcpcsCode, CodeSet>? AddOnPrimariesOf(IReadOnlyDictionary<string, string>? document, string file, List<PackError> errors)
    {
        var primaries = new Dictionary<HcpcsCode, CodeSet>();
        var failed = false;
        foreach (var (addOn, setName) in document ?? new Dictionary<string, string>())
        {
            if (!HcpcsCode.TryParse(addOn, out var code))
            {
                errors.Add(new PackError(file, null, $"addOnPrimaries: '{addOn}' is not a 5-character add-on code"));
                failed = true;
            }
            else if (!CodeSetCatalog.Default.TryGet(setName, out var set))
            {
                errors.Add(new PackError(file, null,
                    $"addOnPrimaries.{addOn}: there is no code set '{setName}' (known: {string.Join(", ", CodeSetCatalog.Default.Names)})"));
                failed = true;
            }
            else if (!primaries.TryAdd(code, set))
            {
                errors.Add(new PackError(file, null, $"addOnPrimaries: {code} is given twice (as '{addOn}' and in another case)"));
                failed = true;
            }
        }

        return failed ? null : primaries.ToFrozenDictionary();
    }

    /// <summary>The pack's periods for carrier-priced (YYY) codes, or null with errors naming the entry. The schema
    /// checks the shapes first; this is what a pack read without it must still refuse.</summary>
    private static FrozenDictionary<HcpcsCode, GlobalDays>? GlobalDaysOf(IReadOnlyDictionary<string, string>? document, string file, List<PackError> errors)
    {
        var periods = new Dictionary<HcpcsCode, GlobalDays>();
        var failed = false;
        foreach (var (text, value) in document ?? new Dictionary<string, string>())
        {
            if (!HcpcsCode.TryParse(text, out var code))
            {
                errors.Add(new PackError(file, null, $"globalDays: '{text}' is not a 5-character code"));
                failed = true;
            }
            else if (!GlobalDaysText.TryParse(value, out var days) || days.PostOperativeDays() is null)
            {
                errors.Add(new PackError(file, null, $"globalDays.{text}: '{value}' is not a global period a payer sets (000, 010 or 090)"));
                failed = true;
            }
            else if (!periods.TryAdd(code, days))
            {
                errors.Add(new PackError(file, null, $"globalDays: {code} is given twice (as '{text}' and in another case)"));
                failed = true;
            }
        }

        return failed ? null : periods.ToFrozenDictionary();
    }
}
