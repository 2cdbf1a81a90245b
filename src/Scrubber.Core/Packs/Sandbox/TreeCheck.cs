using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Scrubber.Core.Packs.Vocabulary;

namespace Scrubber.Core.Packs.Sandbox;

/// <summary>Walks the expression tree the parser built and refuses the first node outside the allow-list; adds up what
/// one evaluation costs on the worst claim.</summary>
/// <remarks>
/// An allow-list by node kind: a node kind not handled below is refused, so a parser feature added later is refused
/// until someone decides it is safe. Allowed: the scope's inputs and the vocabulary's members on them, the documented
/// text, list and date members on values reached from an input, literals, <c>DateTime(y, m, d)</c> of integer
/// literals, and comparison, logical and arithmetic operators.
/// </remarks>
internal sealed class TreeCheck(ParameterExpression[] inputs, PackLimits limits)
{
    private const int MaxShown = 80;

    /// <summary>What one evaluation costs: one unit a node, plus the work of the helpers it calls.</summary>
    public long Weight { get; private set; }

    /// <summary>Whether the expression calls a history helper (<c>TimesBilled</c>, <c>UnitsBilledOn</c>, <c>LastBilled</c>).</summary>
    public bool ReadsHistory { get; private set; }

    /// <summary>Why the expression is refused, naming the offending node; null while it is not.</summary>
    public string? Refusal { get; private set; }

    public bool Visit(Expression node)
    {
        Weight++;
        return node switch
        {
            ParameterExpression parameter => inputs.Contains(parameter) || Refuse($"'{parameter.Name}' is not an input of this rule"),
            ConstantExpression constant => Constant(constant),
            MemberExpression member => Member(member),
            MethodCallExpression call => Call(call),
            BinaryExpression binary => Binary(binary),
            UnaryExpression unary => Unary(unary),
            NewExpression created => New(created),
            LambdaExpression lambda => Refuse($"a lambda is not allowed in a rule expression (at {Show(lambda)})"),
            ConditionalExpression conditional => Refuse($"iif, ?: and np are not part of the rule vocabulary (at {Show(conditional)})"),
            _ => Refuse($"{node.NodeType} is not part of the rule vocabulary (at {Show(node)})"),
        };
    }

    private bool Constant(ConstantExpression constant) =>
        constant.Value is null || SandboxVocabulary.IsLiteralType(constant.Type) ||
        Refuse(constant.Value is DateTime
            ? $"a date is written DateTime(year, month, day), not as text (the parser read '{constant.Value:yyyy-MM-dd}' as a date)"
            : $"'{constant.Value}' is a {constant.Type.Name} value; a rule may write text, numbers, true, false and DateTime(year, month, day)");

    private bool Member(MemberExpression member)
    {
        if (member.Expression is null)
        {
            return Refuse($"'{member.Member.DeclaringType?.Name}.{member.Member.Name}' is a type reference; expressions start from {Inputs}");
        }

        if (!Visit(member.Expression))
        {
            return false;
        }

        if (!FromInput(member.Expression))
        {
            return Refuse(OnNonInput(member.Member.Name, member.Expression, member));
        }

        if (!SandboxVocabulary.IsProperty(member.Member))
        {
            return Refuse(NotInVocabulary(member.Member.Name, member));
        }

        Weight += SandboxVocabulary.CostOf(member.Member, 1, limits.MaxLinesPerClaim) - 1;
        return true;
    }

    private bool Call(MethodCallExpression call)
    {
        // The innermost offence is the one to name: in 1.GetType().Assembly it is GetType on a literal.
        if ((call.Object is not null && !Visit(call.Object)) || !call.Arguments.All(Visit))
        {
            return false;
        }

        var method = call.Method;
        if (call.Object is null)
        {
            return StaticCall(call);
        }

        if (!FromInput(call.Object))
        {
            return Refuse(OnNonInput(method.Name, call.Object, call));
        }

        if (!SandboxVocabulary.IsInstanceMethod(method))
        {
            return Refuse(NotInVocabulary(method.Name, call));
        }

        var items = 1;
        if (SandboxVocabulary.TakesList(method))
        {
            items = ListItems(call.Arguments[0]);
            if (items > limits.MaxListItems)
            {
                return Refuse($"the list passed to {method.Name} has {items} items, more than Packs:MaxListItems ({limits.MaxListItems}) (at {Show(call)})");
            }
        }

        if (SandboxVocabulary.ReadsHistory(method))
        {
            ReadsHistory = true;
            if (method.Name == nameof(LineFacts.TimesBilled) && call.Arguments[1] is ConstantExpression { Value: int days } &&
                days is < 0 or > PackHistory.LookBackDays)
            {
                return Refuse(string.Create(CultureInfo.InvariantCulture,
                    $"TimesBilled looks back {days} days; it takes 0 to {PackHistory.LookBackDays}, the history a scrub reads (at {Show(call)})"));
            }
        }

        Weight += SandboxVocabulary.CostOf(method, items, limits.MaxLinesPerClaim) - 1;
        return true;
    }

    /// <summary>Static calls the parser itself writes for allowed syntax: <c>list.Contains(x)</c> and comparisons of text.</summary>
    private bool StaticCall(MethodCallExpression call)
    {
        var method = call.Method;
        if (SandboxVocabulary.IsListContains(method))
        {
            if (!FromInput(call.Arguments[0]))
            {
                return Refuse(OnNonInput(method.Name, call.Arguments[0], call));
            }

            Weight += SandboxVocabulary.CostOf(method, 1, limits.MaxLinesPerClaim) - 1;
            return true;
        }

        if (SandboxVocabulary.IsTextComparison(method))
        {
            return true;
        }

        if (method.DeclaringType == typeof(string) && method.Name == nameof(string.Concat))
        {
            return Refuse($"joining text with + is not part of the rule vocabulary (at {Show(call)})");
        }

        return Refuse($"'{method.DeclaringType?.Name}.{method.Name}' is a type reference; expressions start from {Inputs} (at {Show(call)})");
    }

    private bool Binary(BinaryExpression binary)
    {
        if (!Visit(binary.Left) || !Visit(binary.Right))
        {
            return false;
        }

        var allowed = binary.NodeType switch
        {
            ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual or ExpressionType.AndAlso or ExpressionType.OrElse => true,

            // & | ^ are logical operators on true/false only; on numbers they are bit operations, which no rule needs.
            ExpressionType.And or ExpressionType.Or or ExpressionType.ExclusiveOr => binary.Type == typeof(bool),
            ExpressionType.Add or ExpressionType.Subtract or ExpressionType.Multiply or ExpressionType.Divide or ExpressionType.Modulo =>
                SandboxVocabulary.IsNumber(binary.Type),
            _ => false,
        };
        if (binary.NodeType == ExpressionType.ArrayIndex)
        {
            return Refuse($"indexing a list with [] is not part of the rule vocabulary (at {Show(binary)})");
        }

        if (!allowed || !SandboxVocabulary.IsOperator(binary.Method) || binary.Conversion is not null)
        {
            return Refuse($"the operator {binary.NodeType} on {binary.Left.Type.Name} and {binary.Right.Type.Name} is not part of the rule vocabulary (at {Show(binary)})");
        }

        return true;
    }

    private bool Unary(UnaryExpression unary)
    {
        if (unary.NodeType == ExpressionType.Quote)
        {
            return Refuse($"a lambda is not allowed in a rule expression (at {Show(unary)})");
        }

        if (!Visit(unary.Operand))
        {
            return false;
        }

        var allowed = unary.NodeType switch
        {
            ExpressionType.Not => unary.Type == typeof(bool),
            ExpressionType.Negate or ExpressionType.UnaryPlus => SandboxVocabulary.IsNumber(unary.Type),

            // The parser widens numbers (an int literal compared with a decimal) and makes a date nullable to compare it
            // with null; an explicit conversion such as Int32(x) is ConvertChecked, refused below as a type reference.
            ExpressionType.Convert => (SandboxVocabulary.IsNumber(unary.Type) && SandboxVocabulary.IsNumber(unary.Operand.Type)) ||
                                      Nullable.GetUnderlyingType(unary.Type) == unary.Operand.Type,
            ExpressionType.ArrayLength => FromInput(unary.Operand),
            _ => false,
        };
        if (unary.NodeType == ExpressionType.ConvertChecked)
        {
            return Refuse($"a conversion to {unary.Type.Name} is a type reference; write the value as it is (at {Show(unary)})");
        }

        if (!allowed || (!SandboxVocabulary.IsOperator(unary.Method) && !IsDecimalConversion(unary.Method)))
        {
            return Refuse($"{unary.NodeType} on {unary.Operand.Type.Name} is not part of the rule vocabulary (at {Show(unary)})");
        }

        // Whether the parser widens a literal by a conversion node or by re-reading its text depends on a cache it
        // keeps; the weight must not, or a pack near the limit would load on one machine and not on another.
        if (unary.NodeType == ExpressionType.Convert)
        {
            Weight--;
        }

        return true;
    }

    /// <summary><c>DateTime(y, m, d)</c> of three integer literals that make a date; nothing else is created.</summary>
    private bool New(NewExpression created)
    {
        if (created.Constructor?.DeclaringType != typeof(DateTime) || created.Arguments.Count != 3 ||
            !created.Arguments.All(a => a is ConstantExpression { Value: int }))
        {
            return Refuse(created.Type == typeof(DateTime)
                ? $"a date is written DateTime(year, month, day) with three whole numbers (at {Show(created)})"
                : $"creating a {created.Type.Name} is not allowed in a rule expression (at {Show(created)})");
        }

        var parts = created.Arguments.Select(a => (int)((ConstantExpression)a).Value!).ToArray();
        if (parts[0] is < 1 or > 9999 || parts[1] is < 1 or > 12 || parts[2] < 1 || parts[2] > DateTime.DaysInMonth(parts[0], parts[1]))
        {
            return Refuse(string.Create(CultureInfo.InvariantCulture, $"DateTime({parts[0]}, {parts[1]}, {parts[2]}) is not a date"));
        }

        Weight += created.Arguments.Count;
        return true;
    }

    /// <summary>Whether <paramref name="node"/> is an input, or a member, method or list of one, however deep: the
    /// only values members and methods may be used on. A literal, a date written in the expression or a result of
    /// arithmetic is not.</summary>
    private bool FromInput(Expression node) => node switch
    {
        ParameterExpression parameter => inputs.Contains(parameter),
        MemberExpression { Expression: { } receiver } => FromInput(receiver),
        MethodCallExpression { Object: { } receiver } => FromInput(receiver),
        MethodCallExpression call when SandboxVocabulary.IsListContains(call.Method) => FromInput(call.Arguments[0]),
        _ => false,
    };

    /// <summary>The items of a list literal, as the vocabulary splits it; a list computed from the claim counts as the
    /// longest a literal may be.</summary>
    private int ListItems(Expression list) => list is ConstantExpression { Value: string text }
        ? Math.Max(1, CodeList.Split(text).Length)
        : limits.MaxListItems;

    private static bool IsDecimalConversion(MethodInfo? method) =>
        method is { IsStatic: true, Name: "op_Implicit" or "op_Explicit" } && method.DeclaringType == typeof(decimal);

    private string Inputs => string.Join(", ", inputs.Select(i => i.Name));

    private static string OnNonInput(string name, Expression receiver, Expression at) => receiver is ConstantExpression constant
        ? $"'{name}' is used on the literal {Show(constant)}; a rule may use members and methods only on {string.Join(", ", RuleInputs.All)} (at {Show(at)})"
        : $"'{name}' is used on a value that is not from {string.Join(", ", RuleInputs.All)} (at {Show(at)})";

    private static string NotInVocabulary(string name, Expression at) =>
        $"'{name}' is not part of the rule vocabulary (at {Show(at)}; see rules/README.md for what line, other and claim offer)";

    private static string Show(Expression node)
    {
        var text = node.ToString();
        return text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown), "…");
    }

    private bool Refuse(string reason)
    {
        Refusal ??= reason;
        return false;
    }
}
