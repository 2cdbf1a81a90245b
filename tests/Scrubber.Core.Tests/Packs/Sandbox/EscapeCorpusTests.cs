using RulesEngine.ExpressionBuilders;
using Scrubber.Core.Packs;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Packs.Sandbox;
using Xunit.Abstractions;

namespace Scrubber.Core.Tests.Packs.Sandbox;

/// <summary>A generated corpus of escape attempts: every receiver a rule could start from (inputs, values reached from
/// them, literals of every numeric form, values made in the expression, type names) with every member an attacker
/// would reach for, in several surrounding forms. None may be accepted, and whatever RulesEngine's parser would
/// compile must be refused by the sandbox rather than merely fail to parse.</summary>
public sealed class EscapeCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] Receivers =
    [
        // Inputs and values reached from them.
        "line", "other", "claim", "line.Code", "line.Modifiers", "line.DiagnosisCodes", "line.ServiceDate", "line.Units", "line.Charge",
        "line.IsEm", "claim.TotalCharge", "claim.LineCount", "line.Code.Length", "line.Code.ToUpper()", "line.Modifiers.Length", "line.ServiceDate.Year",

        // Literals, in every form the tokenizer reads.
        "0x7fffffff", "0x0", "0X1F", "1e5", "1E-3", "1.0", "1", "1L", "1U", "1UL", "1m", "1.5f", "1d", "\"x\"", "'x'", "true", "false",

        // Values made in the expression.
        "DateTime(2026, 1, 1)", "(1 + 2)", "(line.Units + 1)", "(line.Code == \"x\")", "-1", "(!true)", "np(line)", "np(line.Code)",
        "iif(true, line, other)", "(line.IsEm ? line.Code : other.Code)",

        // Type names, predefined and not.
        "string", "String", "DateTime", "Math", "Convert", "Enumerable", "Queryable", "Guid", "TimeSpan", "Uri", "Object", "object", "Int32", "int",
        "Type", "Activator", "Environment", "AppDomain", "File", "System.IO.File", "ExpressionUtils", "Array", "Char", "Decimal", "Boolean",
        "Nullable", "Expression", "it", "parent", "root", "@0",
    ];

    private static readonly string[] Members =
    [
        "GetType()", "gettype()", "GETTYPE()", "GetType().Assembly", "GetType().Assembly.Location", "GetType().GetMethods()", "GetType().Name",
        "GetHashCode()", "ToString()", "Equals(null)", "Equals(1)", "MemberwiseClone()", "ReferenceEquals(null, null)", "GetTypeCode()",
        "CompareTo(1)", "Parse(\"1\")", "Now", "Today", "UtcNow", "MaxValue", "Empty", "NewGuid()", "Abs(-1)", "Clone()", "GetEnumerator()",
        "AsQueryable()", "AsEnumerable()", "ToArray()", "ToList()", "Select(x => x)", "Where(x => true)", "Any(x => x != null)", "Any()",
        "Count()", "First()", "Aggregate((a, b) => a)", "OfType(\"System.String\")", "Cast(\"System.Object\")", "Split(\" \")",
        "PadLeft(100000000)", "Replace(\"a\", \"b\")", "Substring(0)", "Normalize()", "Intern(\"x\")", "Format(\"{0}\", 1)",
        "Concat(\"a\", \"b\")", "Join(\",\", \"a\")", "CreateInstance(\"System.IO.FileInfo\")", "GetEnvironmentVariable(\"HOME\")",
        "ReadAllText(\"/etc/passwd\")", "Exists(\"/etc/passwd\")", "Invoke()", "DynamicInvoke()", "AddDays(1)", "Ticks", "Date", "Kind",
        "ToBinary()", "Chars(0)", "Rank", "SyncRoot", "IsReadOnly", "LongLength", "GetValue(0)", "SetValue(null, 0)", "Reverse()",
        "HasValue", "Value", "Contains('x')", "StartsWith(\"x\", StringComparison.Ordinal)", "Trim('x')", "ToUpper(null)",
    ];

    private static readonly string[] Forms = ["{0} != null", "{0} == {0}", "!({0} == null)", "line.IsEm || {0} != null"];

    public static IEnumerable<string> Attempts() =>
        from receiver in Receivers
        from member in Members
        from form in Forms
        select string.Format(System.Globalization.CultureInfo.InvariantCulture, form, $"{receiver}.{member}");

    [Fact]
    public void Check_EveryGeneratedEscapeAttempt_IsRefusedAndWhatWouldCompileIsRefusedByTheTree()
    {
        var parser = new RuleExpressionParser(PackCompiler.Settings);
        var inputs = PackCompiler.ParameterExpressions(RuleScope.Pair);
        var accepted = new List<string>();
        var parsedButNotRefused = new List<string>();
        var parsed = 0;
        var total = 0;
        foreach (var attempt in Attempts())
        {
            total++;
            var verdict = ExpressionSandbox.Check(attempt, RuleScope.Pair, PackLimits.Default);
            if (verdict.Problem is null)
            {
                accepted.Add(attempt);
                continue;
            }

            if (Parses(parser, inputs, attempt))
            {
                parsed++;
                if (!verdict.Problem.StartsWith("expression refused: ", StringComparison.Ordinal))
                {
                    parsedButNotRefused.Add($"{attempt} => {verdict.Problem}");
                }
            }
        }

        output.WriteLine($"{total} attempts, {parsed} of them parse as RulesEngine would compile them");
        Assert.Empty(accepted);
        Assert.Empty(parsedButNotRefused);

        // A corpus that mostly fails to parse would prove little about the tree check.
        Assert.True(parsed >= 2_000, $"only {parsed} of {total} attempts parse");
    }

    [Fact]
    public void Check_TheCorpusReceiversAndMembers_AreEachFineAlone()
    {
        // The corpus is about combinations: the vocabulary receivers it starts from are themselves accepted, so a
        // refusal above is the member's doing, not the receiver's.
        foreach (var receiver in Receivers.Take(16))
        {
            Assert.Null(ExpressionSandbox.Check($"{receiver} != null", RuleScope.Pair, PackLimits.Default).Problem);
        }
    }

    private static bool Parses(RuleExpressionParser parser, System.Linq.Expressions.ParameterExpression[] inputs, string expression)
    {
        try
        {
            parser.Parse(expression, inputs, typeof(bool));
            return true;
        }
        catch (Exception ex) when (ex is System.Linq.Dynamic.Core.Exceptions.ParseException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
