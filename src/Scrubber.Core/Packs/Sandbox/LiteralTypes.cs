using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace Scrubber.Core.Packs.Sandbox;

/// <summary>Refuses text written where the expression needs another type, and says in words what types clash.</summary>
/// <remarks>
/// The expression parser quietly turns a text literal compared with a number, a date or true/false into that type:
/// <c>claim.PatientAge == "12"</c> compiles as <c>== 12</c>. A rule author who quotes a number has misread what the
/// member is, and a rule that compares a date with <c>"2026-01-01"</c> would depend on how the parser reads dates,
/// so a literal written as text must reach the tree as text. The tree is compared with the literals of the text.
/// </remarks>
internal static partial class LiteralTypes
{
    /// <summary>Why <paramref name="tree"/> does not keep every text literal of <paramref name="expression"/> as text; null when it does.</summary>
    public static string? Check(string expression, Expression tree)
    {
        var written = TextLiterals(expression);
        if (written.Count == 0)
        {
            return null;
        }

        var nodes = new Collector();
        nodes.Visit(tree);
        foreach (var kept in nodes.Texts)
        {
            written.Remove(kept);
        }

        if (written.Count == 0)
        {
            return null;
        }

        var literal = written[0];
        foreach (var (constant, other) in nodes.Comparisons)
        {
            if (Same(constant, literal))
            {
                var shown = other is UnaryExpression { NodeType: ExpressionType.Convert } widened ? widened.Operand : other;
                return $"\"{literal}\" is text, but {Show(shown)} is {KindOf(shown.Type)}";
            }
        }

        return $"\"{literal}\" is text where the expression needs a number, a date or true/false: write numbers and true/false without quotes and dates as DateTime(year, month, day)";
    }

    /// <summary>A .NET message for two types that do not go together (an operator on them, or text read as true/false),
    /// in the words of rules/README.md; null for any other message.</summary>
    public static string? DescribeTypeError(string message)
    {
        if (OperatorNotDefined().Match(message) is { Success: true } op)
        {
            return $"{Symbol(op.Groups[1].Value)} cannot compare {Kind(op.Groups[2].Value)} with {Kind(op.Groups[3].Value)}: text is written in quotes, numbers and true/false without (see the types in rules/README.md)";
        }

        return NotAValidValue().Match(message) is { Success: true } value
            ? $"\"{value.Groups[1].Value}\" is text, but it is compared with {Kind("System." + value.Groups[2].Value)}: write true or false without quotes"
            : null;
    }

    /// <summary>The type of a value as rules/README.md names it, and how to write one.</summary>
    internal static string KindOf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var orNull = underlying is null ? string.Empty : " (or null)";
        var bare = underlying ?? type;
        return bare == typeof(DateTime) ? $"a date{orNull}: write a date as DateTime(2026, 7, 1)"
            : bare == typeof(bool) ? $"true or false{orNull}: write true or false without quotes"
            : SandboxVocabulary.IsNumber(bare) ? $"a number{orNull}: write the number without quotes"
            : bare.Name;
    }

    private static string Symbol(string name) => name switch
    {
        "Equal" => "==",
        "NotEqual" => "!=",
        "LessThan" => "<",
        "LessThanOrEqual" => "<=",
        "GreaterThan" => ">",
        "GreaterThanOrEqual" => ">=",
        _ => name,
    };

    private static string Kind(string typeName) => typeName switch
    {
        "System.String" => "text",
        "System.Boolean" => "true/false",
        "System.DateTime" => "a date",
        _ when typeName.StartsWith("System.Nullable", StringComparison.Ordinal) && typeName.Contains("DateTime", StringComparison.Ordinal) => "a date (or null)",
        _ when typeName.StartsWith("System.Nullable", StringComparison.Ordinal) => "a number (or null)",
        "System.Int32" or "System.Int64" or "System.Double" or "System.Decimal" or "System.Single" => "a number",
        _ => typeName,
    };

    /// <summary>Whether <paramref name="constant"/> is what the parser made of the text <paramref name="literal"/>.</summary>
    private static bool Same(ConstantExpression constant, string literal) => constant.Value switch
    {
        DateTime date => DateTime.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed == date,
        bool flag => bool.TryParse(literal, out var parsed) && parsed == flag,
        IFormattable number => string.Equals(number.ToString(null, CultureInfo.InvariantCulture), literal.Trim(), StringComparison.Ordinal) ||
                               (decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) &&
                                Convert.ToDecimal(number, CultureInfo.InvariantCulture) == value),
        _ => false,
    };

    /// <summary>The text literals of the expression, decoded: double-quoted, and single-quoted ones longer than a
    /// character (a single character in single quotes is a character, not text).</summary>
    private static List<string> TextLiterals(string expression)
    {
        var literals = new List<string>();
        for (var i = 0; i < expression.Length; i++)
        {
            var quote = expression[i];
            if (quote is not ('"' or '\''))
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < expression.Length && expression[end] != quote)
            {
                end += expression[end] == '\\' ? 2 : 1;
            }

            var raw = expression[start..Math.Min(end, expression.Length)];
            if (quote == '"' || raw.Length > 1)
            {
                literals.Add(Decode(raw));
            }

            i = end;
        }

        return literals;
    }

    private static string Decode(string raw)
    {
        try
        {
            return Regex.Unescape(raw);
        }
        catch (ArgumentException)
        {
            return raw;
        }
    }

    private static string Show(Expression node)
    {
        var text = node.ToString();
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
    }

    [GeneratedRegex(@"^The binary operator (\w+) is not defined for the types '(.+)' and '(.+)'\.$")]
    private static partial Regex OperatorNotDefined();

    [GeneratedRegex(@"^(.*) is not a valid value for (\w+)\.$")]
    private static partial Regex NotAValidValue();

    /// <summary>The text constants of a tree, and each comparison of a constant that is not text with something that is not a constant.</summary>
    private sealed class Collector : ExpressionVisitor
    {
        public List<string> Texts { get; } = [];

        public List<(ConstantExpression Constant, Expression Other)> Comparisons { get; } = [];

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is string text)
            {
                Texts.Add(text);
            }

            return node;
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (Unwrap(node.Left) is { } left && Unwrap(node.Right) is not ConstantExpression)
            {
                Comparisons.Add((left, node.Right));
            }
            else if (Unwrap(node.Right) is { } right && Unwrap(node.Left) is not ConstantExpression)
            {
                Comparisons.Add((right, node.Left));
            }

            return base.VisitBinary(node);
        }

        private static ConstantExpression? Unwrap(Expression node) => node switch
        {
            ConstantExpression { Value: not string } constant => constant,
            UnaryExpression { NodeType: ExpressionType.Convert, Operand: ConstantExpression { Value: not string } constant } => constant,
            _ => null,
        };
    }
}
