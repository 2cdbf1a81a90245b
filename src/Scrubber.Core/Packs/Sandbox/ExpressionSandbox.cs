using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using RulesEngine.ExpressionBuilders;
using Scrubber.Core.Packs.Documents;

namespace Scrubber.Core.Packs.Sandbox;

/// <summary>Checks a rule expression on the tree RulesEngine's own parser builds from it, with the settings and inputs
/// the pack is compiled with, so the check and the compile read the expression the same way.</summary>
/// <remarks>
/// A check of the text can be fooled by anything the parser reads differently (a member call after a number literal
/// was one); the tree is what runs. Parse errors that name something outside the vocabulary (an unknown identifier,
/// a type, a member the inputs lack) are refusals; other parse errors mean the expression does not compile.
/// </remarks>
internal static partial class ExpressionSandbox
{
    /// <summary>One parser for every check: building its type provider scans the loaded assemblies once.</summary>
    private static readonly RuleExpressionParser Parser = new(PackCompiler.Settings);

    /// <summary>Checks <paramref name="expression"/> for a rule of <paramref name="scope"/>.</summary>
    public static SandboxVerdict Check(string expression, RuleScope scope, PackLimits limits)
    {
        if (expression.Length > limits.MaxExpressionLength)
        {
            return SandboxVerdict.Refused($"the expression is {expression.Length} characters, more than Packs:MaxExpressionLength ({limits.MaxExpressionLength})");
        }

        var inputs = PackCompiler.ParameterExpressions(scope);
        return DeepStack.Run(() =>
        {
            Expression tree;
            try
            {
                tree = Parser.Parse(expression, [.. inputs], typeof(bool));
            }
            catch (ParseException ex)
            {
                return FromParseError(ex, inputs);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
            {
                return SandboxVerdict.DoesNotCompile(LiteralTypes.DescribeTypeError(ex.Message) ?? ex.Message);
            }

            var check = new TreeCheck(inputs, limits);
            if (!check.Visit(tree))
            {
                return SandboxVerdict.Refused(check.Refusal!);
            }

            // Only on a tree the vocabulary allows: what is outside it is refused as such, whatever its literals.
            return LiteralTypes.Check(expression, tree) is { } mistyped
                ? SandboxVerdict.DoesNotCompile(mistyped)
                : SandboxVerdict.Accepted(check.Weight, new CheckedExpression(tree, inputs), check.ReadsHistory);
        });
    }

    private static SandboxVerdict FromParseError(ParseException ex, ParameterExpression[] inputs)
    {
        var names = string.Join(", ", inputs.Select(i => i.Name));

        // An input the scope lacks reads as an unknown identifier, or as a type when a member follows it.
        var unknown = UnknownIdentifier().Match(ex.Message);
        var type = TypeNotFound().Match(ex.Message);
        if (unknown.Success || (type.Success && RuleInputs.All.Contains(type.Groups[1].Value.Split('.')[0], StringComparer.OrdinalIgnoreCase)))
        {
            var word = unknown.Success ? unknown.Groups[1].Value : type.Groups[1].Value.Split('.')[0];
            var hint = RuleInputs.All.Any(n => n.Equals(word, StringComparison.OrdinalIgnoreCase))
                ? $"; this rule's scope gives it only {names}"
                : $"; expressions start from {names}";
            return SandboxVerdict.Refused($"'{word}' is not part of the rule vocabulary{hint}");
        }

        if (ex.Message == "No 'it' is in scope")
        {
            return SandboxVerdict.Refused($"'it' is not part of the rule vocabulary; expressions start from {names}");
        }

        if (type.Success)
        {
            return SandboxVerdict.Refused($"'{type.Groups[1].Value}' is a type reference; expressions start from {names}");
        }

        if (NoSuchMember().Match(ex.Message) is { Success: true } member)
        {
            var name = member.Groups[2].Value;
            return member.Groups[1].Value == "applicable method" && SandboxVocabulary.MemberNames.Contains(name, StringComparer.OrdinalIgnoreCase)
                ? SandboxVerdict.DoesNotCompile($"{name} does not take these arguments (see rules/README.md) (at character {ex.Position + 1})")
                : SandboxVerdict.Refused($"'{name}' is not part of the rule vocabulary (see rules/README.md for what line, other and claim offer)");
        }

        return SandboxVerdict.DoesNotCompile($"{ex.Message} (at character {ex.Position + 1})");
    }

    [GeneratedRegex("^Unknown identifier '(.+)'$")]
    private static partial Regex UnknownIdentifier();

    [GeneratedRegex("^Type '(.+)' not found$")]
    private static partial Regex TypeNotFound();

    [GeneratedRegex("^No (property or field|applicable method) '(.+)' exists in type '.+'$")]
    private static partial Regex NoSuchMember();
}
