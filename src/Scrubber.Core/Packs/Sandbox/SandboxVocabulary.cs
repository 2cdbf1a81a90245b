using System.Collections.Frozen;
using System.Reflection;
using Scrubber.Core.CodeSets;
using Scrubber.Core.Packs.Vocabulary;

namespace Scrubber.Core.Packs.Sandbox;

/// <summary>What a rule expression may touch, as members and methods rather than names, and what each costs.</summary>
/// <remarks>
/// The members of <see cref="LineFacts"/> and <see cref="ClaimFacts"/> are the vocabulary; beside them only the text,
/// list and date members rules/README.md documents. Costs are in evaluation units (about one comparison each) for the
/// worst claim: a helper that walks the claim's lines costs <c>Scrub:MaxLinesPerClaim</c>, one that walks a list the
/// expression passes costs its items, times the modifiers (at most 4) or diagnoses (at most 12) it is matched against.
/// </remarks>
internal static class SandboxVocabulary
{
    /// <summary>Most modifiers a line carries (837P SV101-3 to -6).</summary>
    public const int MaxModifiers = 4;

    /// <summary>Most diagnosis codes a line carries.</summary>
    public const int MaxDiagnoses = 12;

    /// <summary>What a history helper costs for each code it is given: a lookup and a binary search over that code's
    /// sent lines, 12 steps for up to 4,096 of them (a line a day of the year read, ten times over).</summary>
    public const int HistorySearchPerCode = 12;

    /// <summary>The most ranges a code set holds: what one <c>InSet</c> lookup walks at worst.</summary>
    private static readonly int LargestCodeSet = CodeSetCatalog.Default.Names.Max(n => CodeSetCatalog.Default[n].Ranges.Length);

    /// <summary>Members of the values the vocabulary returns that the README documents: text, lists and dates.</summary>
    public static readonly string[] ValueMembers = ["Length", "StartsWith", "EndsWith", "Contains", "ToUpper", "ToLower", "Trim", "Year", "Month", "Day"];

    private static readonly MemberInfo[] FactMembers = [.. MembersOf(typeof(LineFacts)).Concat(MembersOf(typeof(ClaimFacts)))];

    private static readonly MemberInfo[] ValueProperties =
    [
        typeof(string).GetProperty(nameof(string.Length))!,
        typeof(Array).GetProperty(nameof(Array.Length))!,
        typeof(DateTime).GetProperty(nameof(DateTime.Year))!,
        typeof(DateTime).GetProperty(nameof(DateTime.Month))!,
        typeof(DateTime).GetProperty(nameof(DateTime.Day))!,
    ];

    private static readonly MethodInfo[] TextMethods =
    [
        typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!,
        typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!,
        typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!,
        typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!,
        typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!,
        typeof(string).GetMethod(nameof(string.Trim), Type.EmptyTypes)!,
    ];

    /// <summary>String.Compare(a, b): how the expression parser writes <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c> on text.</summary>
    private static readonly MethodInfo TextCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>The types whose operators (<c>op_Equality</c>, <c>op_GreaterThan</c>, …) a comparison or sum may call.</summary>
    private static readonly FrozenSet<Type> OperatorTypes = FrozenSet.ToFrozenSet([typeof(string), typeof(decimal), typeof(DateTime)]);

    private static readonly FrozenSet<Type> NumberTypes = FrozenSet.ToFrozenSet(
        [typeof(int), typeof(long), typeof(uint), typeof(ulong), typeof(short), typeof(ushort), typeof(byte), typeof(sbyte), typeof(float), typeof(double), typeof(decimal)]);

    /// <summary>The member names rule expressions may use, for error messages and the documentation test.</summary>
    public static IEnumerable<string> MemberNames =>
        FactMembers.Select(m => m.Name).Concat(ValueMembers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="member"/> is a property of the vocabulary or a documented text, list or date property.</summary>
    /// <remarks>Compared by metadata, not by reference: the parser reads <c>Length</c> of a <c>string[]</c> through that
    /// array type, which reflects the same property of <see cref="Array"/> as another object.</remarks>
    public static bool IsProperty(MemberInfo member) => member is PropertyInfo && (IsIn(FactMembers, member) || IsIn(ValueProperties, member));

    /// <summary>Whether <paramref name="method"/> is a vocabulary helper or a documented text method, called on a value.</summary>
    public static bool IsInstanceMethod(MethodInfo method) => !method.IsStatic && (IsIn(FactMembers, method) || IsIn(TextMethods, method));

    /// <summary>Whether <paramref name="method"/> is <c>list.Contains(x)</c> on one of the vocabulary's lists.</summary>
    public static bool IsListContains(MethodInfo method) =>
        method is { IsStatic: true, IsGenericMethod: true, Name: nameof(Enumerable.Contains) } &&
        method.DeclaringType == typeof(Enumerable) && method.GetParameters().Length == 2 && method.GetGenericArguments()[0] == typeof(string);

    public static bool IsTextComparison(MethodInfo method) => method.HasSameMetadataDefinitionAs(TextCompare);

    /// <summary>Whether a binary node's operator method is one a comparison or sum of allowed values uses.</summary>
    public static bool IsOperator(MethodInfo? method) =>
        method is null || (method is { IsStatic: true, IsSpecialName: true } && method.Name.StartsWith("op_", StringComparison.Ordinal) &&
                           OperatorTypes.Contains(method.DeclaringType!));

    public static bool IsNumber(Type type) => NumberTypes.Contains(Nullable.GetUnderlyingType(type) ?? type);

    /// <summary>Whether a literal of <paramref name="type"/> is a plain value: text, a number, true/false or a character.</summary>
    public static bool IsLiteralType(Type type) => type == typeof(string) || type == typeof(bool) || type == typeof(char) || IsNumber(type);

    /// <summary>What one call of a vocabulary member costs on the worst claim.</summary>
    /// <param name="member">The member.</param>
    /// <param name="listItems">The items of the list the call passes (its first argument), or 1.</param>
    /// <param name="maxLines">Scrub:MaxLinesPerClaim.</param>
    public static long CostOf(MemberInfo member, int listItems, int maxLines) => member.Name switch
    {
        nameof(LineFacts.SameDayHasEm) or nameof(LineFacts.SameDayHasCodeInRange) or nameof(ClaimFacts.HasEm) or nameof(ClaimFacts.TotalCharge) => maxLines,
        nameof(LineFacts.SameDayHasCode) or nameof(ClaimFacts.HasCode) or nameof(LineFacts.OtherProviderSameDayHasCode) => (long)listItems * maxLines,
        nameof(LineFacts.TimesBilled) or nameof(LineFacts.UnitsBilledOn) or nameof(LineFacts.LastBilled) => (long)listItems * HistorySearchPerCode,
        nameof(LineFacts.HasModifier) => MaxModifiers,
        nameof(LineFacts.HasAnyModifier) => (long)listItems * MaxModifiers,
        nameof(LineFacts.CodeIn) => listItems,
        nameof(LineFacts.InSet) => LargestCodeSet,
        nameof(LineFacts.SameDayHasCodeInSet) => (long)LargestCodeSet * maxLines,
        nameof(LineFacts.HasDiagnosisStartingWith) => (long)listItems * MaxDiagnoses,
        nameof(Enumerable.Contains) when member.DeclaringType == typeof(Enumerable) => MaxDiagnoses,
        _ => 1,
    };

    /// <summary>Whether a vocabulary member takes a list of codes, modifiers or prefixes as its first argument.</summary>
    public static bool TakesList(MemberInfo member) => member.DeclaringType is { } type && (type == typeof(LineFacts) || type == typeof(ClaimFacts)) &&
        member.Name is nameof(LineFacts.SameDayHasCode) or nameof(ClaimFacts.HasCode) or nameof(LineFacts.HasAnyModifier)
            or nameof(LineFacts.CodeIn) or nameof(LineFacts.HasDiagnosisStartingWith) or nameof(LineFacts.OtherProviderSameDayHasCode)
            or nameof(LineFacts.TimesBilled) or nameof(LineFacts.UnitsBilledOn) or nameof(LineFacts.LastBilled);

    /// <summary>Whether a vocabulary member reads the patient's sent history, which the scrub must then read for the
    /// <see cref="PackHistory.LookBackDays"/> before the claim.</summary>
    public static bool ReadsHistory(MemberInfo member) => member.DeclaringType == typeof(LineFacts) &&
        member.Name is nameof(LineFacts.TimesBilled) or nameof(LineFacts.UnitsBilledOn) or nameof(LineFacts.LastBilled);

    private static bool IsIn(MemberInfo[] allowed, MemberInfo member) => Array.Exists(allowed, a => a.HasSameMetadataDefinitionAs(member));

    private static IEnumerable<MemberInfo> MembersOf(Type type) =>
        type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m is PropertyInfo || (m is MethodInfo method && !method.IsSpecialName));
}
