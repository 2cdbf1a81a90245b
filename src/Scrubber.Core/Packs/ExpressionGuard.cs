using System.Collections.Frozen;
using System.Reflection;
using Scrubber.Core.Packs.Vocabulary;

namespace Scrubber.Core.Packs;

/// <summary>Refuses any rule expression that reaches beyond the rule vocabulary, before RulesEngine compiles it.</summary>
/// <remarks>
/// RulesEngine parses expressions with System.Linq.Dynamic.Core, which lets any expression call methods such as
/// <c>GetType()</c> on the values it can reach, and from there reflection. Rule authors need none of that, so every
/// identifier must be an input of the rule's scope, a member of <see cref="LineFacts"/> or <see cref="ClaimFacts"/>, a
/// few string and array members, or a literal keyword. Lambdas, parameters (<c>@0</c>) and blocks are refused too.
/// </remarks>
internal static class ExpressionGuard
{
    private static readonly FrozenSet<string> Keywords = FrozenSet.ToFrozenSet(["true", "false", "null", "and", "or", "not"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Members of the values the vocabulary returns: strings and string arrays.</summary>
    private static readonly string[] ValueMembers = ["Length", "StartsWith", "EndsWith", "Contains", "ToUpper", "ToLower", "Trim", "Year", "Month", "Day"];

    private static readonly FrozenSet<string> Members = FrozenSet.ToFrozenSet(
        MembersOf(typeof(LineFacts)).Concat(MembersOf(typeof(ClaimFacts))).Concat(ValueMembers), StringComparer.OrdinalIgnoreCase);

    private static readonly string[] RefusedTokens = ["=>", "@", "$", "`", ";", "{", "}"];

    /// <summary>The documented members rule expressions may use, for error messages and the vocabulary test.</summary>
    public static IEnumerable<string> VocabularyMembers => Members.Order(StringComparer.Ordinal);

    /// <summary>Returns why the expression is refused, or null when it stays within the vocabulary.</summary>
    /// <param name="expression">The rule's expression.</param>
    /// <param name="inputs">The input names the rule's scope binds: <c>line</c>, <c>other</c>, <c>claim</c>.</param>
    public static string? Check(string expression, IReadOnlyCollection<string> inputs)
    {
        foreach (var token in RefusedTokens)
        {
            if (OutsideStrings(expression).Contains(token, StringComparison.Ordinal))
            {
                return $"'{token}' is not allowed in a rule expression";
            }
        }

        var i = 0;
        var afterDot = false;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c is '"' or '\'')
            {
                var end = EndOfLiteral(expression, i);
                if (end < 0)
                {
                    return $"the text literal starting at position {i + 1} is not closed";
                }

                i = end + 1;
                afterDot = false;
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }

                var word = expression[start..i];
                var refusal = afterDot ? CheckMember(word) : CheckRoot(word, inputs, NextNonSpace(expression, i));
                if (refusal is not null)
                {
                    return refusal;
                }

                afterDot = false;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '.'))
                {
                    i++;
                }

                afterDot = false;
                continue;
            }

            if (c > 127)
            {
                return $"the character '{c}' at position {i + 1} is not allowed outside a text literal";
            }

            afterDot = c == '.' || (afterDot && char.IsWhiteSpace(c));
            i++;
        }

        return null;
    }

    private static string? CheckRoot(string word, IReadOnlyCollection<string> inputs, char next)
    {
        if (Keywords.Contains(word) || inputs.Contains(word, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (word.Equals("DateTime", StringComparison.OrdinalIgnoreCase) && next == '(')
        {
            return null;
        }

        var known = RuleInputs.All.Where(n => !inputs.Contains(n)).ToArray();
        var hint = known.Any(k => k.Equals(word, StringComparison.OrdinalIgnoreCase))
            ? $"; this rule's scope gives it only {string.Join(", ", inputs)}"
            : $"; expressions start from {string.Join(", ", inputs)}";
        return $"'{word}' is not part of the rule vocabulary{hint}";
    }

    private static string? CheckMember(string word) =>
        Members.Contains(word)
            ? null
            : $"'{word}' is not part of the rule vocabulary (see rules/README.md for what line, other and claim offer)";

    private static int EndOfLiteral(string expression, int start)
    {
        var quote = expression[start];
        for (var i = start + 1; i < expression.Length; i++)
        {
            if (expression[i] == '\\')
            {
                i++;
            }
            else if (expression[i] == quote)
            {
                return i;
            }
        }

        return -1;
    }

    private static string OutsideStrings(string expression)
    {
        var chars = expression.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '"' or '\'')
            {
                var end = EndOfLiteral(expression, i);
                end = end < 0 ? chars.Length - 1 : end;
                Array.Fill(chars, ' ', i, end - i + 1);
                i = end;
            }
        }

        return new string(chars);
    }

    private static char NextNonSpace(string expression, int from)
    {
        while (from < expression.Length && char.IsWhiteSpace(expression[from]))
        {
            from++;
        }

        return from < expression.Length ? expression[from] : '\0';
    }

    private static IEnumerable<string> MembersOf(Type type) =>
        type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m is PropertyInfo || (m is MethodInfo method && !method.IsSpecialName))
            .Select(m => m.Name);
}
