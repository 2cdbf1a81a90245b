using System.Text.RegularExpressions;
using Scrubber.Core.Packs;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Packs.Sandbox;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs.Sandbox;

/// <summary>The sandbox reads the tree RulesEngine's parser builds: the vocabulary passes, and everything else is
/// refused naming the node, however the text is written.</summary>
public sealed partial class ExpressionSandboxTests
{
    /// <summary>Every example of rules/README.md's vocabulary tables, as a rule author would copy it.</summary>
    public static TheoryData<string> DocumentedExamples()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", "README.md"));
        var examples = new TheoryData<string>();
        foreach (Match row in TableExample().Matches(readme))
        {
            examples.Add(row.Groups[1].Value);
        }

        return examples;
    }

    [Fact]
    public void DocumentedExamples_AreEnoughToMeanSomething() => Assert.True(DocumentedExamples().Count >= 25, $"only {DocumentedExamples().Count} examples found in rules/README.md");

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public void Check_EveryDocumentedExample_IsAccepted(string expression) =>
        Assert.Null(Check(expression, RuleScope.Pair).Problem);

    [Theory]
    [InlineData("line.Units > 1 and line.Charge >= 100")]
    [InlineData("line.Code < \"9\" || line.Code >= \"A\"")]
    [InlineData("line.ServiceDate == null || line.ServiceDate >= DateTime(2026, 2, 28)")]
    [InlineData("claim.TotalCharge * 2 - 1 > 100.50 && -line.Units < 0 && line.Units % 2 == 1 && line.Units / 2 >= 1L")]
    [InlineData("(line.IsEm & other.IsEm) | claim.HasEm")]
    [InlineData("line.Modifiers.Contains(other.Code) || line.DiagnosisCodes.Length > 1")]
    [InlineData("line.Code.ToUpper().Trim().StartsWith(\"9\")")]
    [InlineData("\"93000\" == line.Code")]
    public void Check_OperatorsAndDocumentedValueMembers_AreAccepted(string expression) =>
        Assert.Null(Check(expression, RuleScope.Pair).Problem);

    /// <summary>The text scanner this sandbox replaced let these through: it read letters and dots after a digit as
    /// part of the number.</summary>
    [Theory]
    [InlineData("0x7fffffff.GetType() != null", "'GetType' is used on the literal 2147483647")]
    [InlineData("1e5.GetType() != null", "'GetType' is used on the literal 100000")]
    [InlineData("1.0.Equals(1.0)", "'Equals' is used on the literal 1")]
    [InlineData("(1).GetHashCode() > 0", "'GetHashCode' is used on the literal 1")]
    [InlineData("2L.ToString() == \"2\"", "'ToString' is used on the literal 2")]
    [InlineData("1m.GetType().Assembly != null", "'GetType' is used on the literal 1")]
    [InlineData("\"abc\".Length == 3", "'Length' is used on the literal \"abc\"")]
    [InlineData("DateTime(2026, 1, 1).Year == 2026", "'Year' is used on a value that is not from line, other, claim")]
    public void Check_MemberOnALiteral_IsRefusedNamingIt(string expression, string because)
    {
        var problem = Check(expression, RuleScope.Line).Problem;

        Assert.StartsWith("expression refused: " + because, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line.GetType() != null", "'GetType' is not part of the rule vocabulary (at line.GetType()")]
    [InlineData("line.Code.GetHashCode() > 0", "'GetHashCode' is not part of the rule vocabulary (at line.Code.GetHashCode()")]
    [InlineData("line.Code.Length.ToString() == \"5\"", "'ToString' is not part of the rule vocabulary")]
    [InlineData("line.Code.Equals(\"x\")", "'Equals' is not part of the rule vocabulary")]
    [InlineData("line.Code.Substring(1) == \"x\"", "'Substring' is not part of the rule vocabulary")]
    [InlineData("line.Code.Contains('9')", "'Contains' is not part of the rule vocabulary")]
    [InlineData("line.Code.StartsWith(\"9\", StringComparison.Ordinal)", "'Ordinal' is a StringComparison value")]
    [InlineData("line.ServiceDate.AddDays(1) > line.ServiceDate", "'AddDays' is not part of the rule vocabulary")]
    [InlineData("line.Modifiers.Count() > 0", "'Enumerable.Count' is a type reference")]
    [InlineData("Math.Abs(line.Units) > 1", "'Math.Abs' is a type reference")]
    [InlineData("DateTime.Now.Year > 2000", "'DateTime.Now' is a type reference")]
    [InlineData("string.Empty == line.Code", "'String.Empty' is a type reference")]
    [InlineData("Enumerable.Range(0, 100000000).Count() > 1", "'Enumerable.Range' is a type reference")]
    [InlineData("ExpressionUtils.CheckContains(\"a\", \"a,b\")", "'ExpressionUtils.CheckContains' is a type reference")]
    [InlineData("DateTime.Parse(\"2026-01-01\") < line.ServiceDate", "'DateTime.Parse' is a type reference")]
    [InlineData("Int32(line.Units) > 1", "a conversion to Int32 is a type reference")]
    [InlineData("Type.GetType(\"System.IO.File\") != null", "'Type' is not part of the rule vocabulary")]
    [InlineData("line.Modifiers.Any(m => m == \"25\")", "a lambda is not allowed")]
    [InlineData("line.Modifiers.Where(m => m.GetType() != null).Count() > 0", "a lambda is not allowed")]
    [InlineData("iif(line.IsEm, true, false)", "iif, ?: and np are not part of the rule vocabulary")]
    [InlineData("line.IsEm ? true : false", "iif, ?: and np are not part of the rule vocabulary")]
    [InlineData("np(line.Code) != null", "iif, ?: and np are not part of the rule vocabulary")]
    [InlineData("line.Modifiers[0] == \"25\"", "indexing a list with [] is not part of the rule vocabulary")]
    [InlineData("line.Code + \"x\" == \"93000x\"", "joining text with + is not part of the rule vocabulary")]
    [InlineData("(line.Modifiers.Length | 1) > 0", "the operator Or on Int32 and Int32 is not part of the rule vocabulary")]
    [InlineData("new System.Net.Http.HttpClient() != null", "'System.Net.Http.HttpClient' is a type reference")]
    [InlineData("Guid(\"00000000-0000-0000-0000-000000000000\") != Guid.Empty", "is a Guid value; a rule may write text, numbers, true, false and DateTime(year, month, day)")]
    [InlineData("DateTime(2026, 1, 1, 0, 0, 0) < line.ServiceDate", "a date is written DateTime(year, month, day) with three whole numbers")]
    [InlineData("DateTime(2026, 2, 29) < line.ServiceDate", "DateTime(2026, 2, 29) is not a date")]
    [InlineData("DateTime(2026, 13, 1) < line.ServiceDate", "DateTime(2026, 13, 1) is not a date")]
    [InlineData("it.GetType() != null", "'it' is not part of the rule vocabulary")]
    [InlineData("@0 == null", "'@0' is not part of the rule vocabulary")]
    public void Check_OutsideTheVocabulary_IsRefusedNamingTheNode(string expression, string because)
    {
        var problem = Check(expression, RuleScope.Line).Problem;

        Assert.StartsWith("expression refused: ", problem, StringComparison.Ordinal);
        Assert.Contains(because, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("other.IsEm", RuleScope.Line, "'other' is not part of the rule vocabulary; this rule's scope gives it only line, claim")]
    [InlineData("line.IsEm", RuleScope.Claim, "'line' is not part of the rule vocabulary; this rule's scope gives it only claim")]
    [InlineData("line.NoSuchThing == 1", RuleScope.Line, "'NoSuchThing' is not part of the rule vocabulary")]
    [InlineData("line.NoSuchHelper(\"1\")", RuleScope.Line, "'NoSuchHelper' is not part of the rule vocabulary")]
    public void Check_NameTheScopeDoesNotOffer_IsRefused(string expression, RuleScope scope, string because) =>
        Assert.Equal("expression refused: " + because, Check(expression, scope).Problem?.Split(" (see")[0]);

    [Theory]
    [InlineData("line.Code == ", "expression does not compile: Expression expected")]
    [InlineData("line.HasModifier(25)", "expression does not compile: HasModifier does not take these arguments")]
    [InlineData("line.Units == \"many\"", "expression does not compile:")]
    [InlineData("line.IsEm == 1", "expression does not compile: Operator '==' incompatible")]
    [InlineData("line.Modifiers.Length", "expression does not compile: Expression of type 'Boolean' expected")]
    public void Check_BrokenExpression_DoesNotCompile(string expression, string because) =>
        Assert.StartsWith(because, Check(expression, RuleScope.Line).Problem, StringComparison.Ordinal);

    /// <summary>The parser recurses once a level of nesting; on a pool thread's stack 400 parentheses ended the process.</summary>
    [Theory]
    [InlineData(999)]
    [InlineData(1990)]
    public void Check_NestedAsDeeplyAsTheLengthAllows_IsAnswerNotACrash(int depth)
    {
        Assert.Null(Check(new string('(', depth / 2) + "true" + new string(')', depth / 2), RuleScope.Line).Problem);
        Assert.Null(Check(new string('!', depth) + "true", RuleScope.Line).Problem);
        Assert.Null(Check(new string('-', depth) + "1 != 0", RuleScope.Line).Problem);
    }

    [Fact]
    public void Check_ExpressionLongerThanMaxExpressionLength_IsRefusedBeforeParsing()
    {
        var limits = PackLimits.Default with { MaxExpressionLength = 20 };

        Assert.Equal("expression refused: the expression is 21 characters, more than Packs:MaxExpressionLength (20)",
            Check("line.IsEm && true    ", RuleScope.Line, limits).Problem);
        Assert.Null(Check("line.IsEm && true   ", RuleScope.Line, limits).Problem);
    }

    [Fact]
    public void Check_ListLongerThanMaxListItems_IsRefusedNamingTheHelper()
    {
        var limits = PackLimits.Default with { MaxListItems = 3 };

        Assert.StartsWith("expression refused: the list passed to HasAnyModifier has 4 items, more than Packs:MaxListItems (3)",
            Check("line.HasAnyModifier(\"XE XS XU, 59\")", RuleScope.Line, limits).Problem, StringComparison.Ordinal);
        Assert.Null(Check("line.HasAnyModifier(\"XE XS XU\")", RuleScope.Line, limits).Problem);
    }

    [Theory]
    [InlineData("true", 1)]
    [InlineData("line.Units > 1", 4)]
    [InlineData("!other.HasModifier(\"25\")", 3 + 4)]
    [InlineData("!line.HasAnyModifier(\"XE XU 59\")", 3 + (3 * 4))]
    [InlineData("line.CodeIn(\"90833 90836\")", 2 + 2)]
    [InlineData("!line.SameDayHasEm", 2 + 50)]
    [InlineData("claim.HasCode(\"99050 99051\")", 2 + (2 * 50))]
    [InlineData("line.HasDiagnosisStartingWith(\"F32\")", 2 + 12)]
    [InlineData("line.ServiceDate >= DateTime(2026, 7, 1)", 3 + 4)]
    public void Check_Weight_IsNodesPlusTheListsHelpersWalk(string expression, long weight) =>
        Assert.Equal(weight, Check(expression, RuleScope.Pair).Weight);

    private static SandboxVerdict Check(string expression, RuleScope scope, PackLimits? limits = null) =>
        ExpressionSandbox.Check(expression, scope, limits ?? PackLimits.Default);

    [GeneratedRegex(@"^\| [^|]+\|[^|]+\| `([^`]+)` \|$", RegexOptions.Multiline)]
    private static partial Regex TableExample();
}
