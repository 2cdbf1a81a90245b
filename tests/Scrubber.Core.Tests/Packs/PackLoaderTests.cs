using System.Text.Json.Nodes;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>A pack is checked before it goes live: schema, strict compile, vocabulary, examples. Each error names file, rule and problem.</summary>
public sealed class PackLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _pack;

    public PackLoaderTests() => _pack = PackFiles.CopySample("mindwell-behavioral", _temp.Path);

    private string PackJson => Path.Combine(_pack, "pack.json");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_UnknownField_IsASchemaErrorWithTheLine()
    {
        PackFiles.Edit(_pack, p => PackFiles.FirstRule(p)["severity"] = "warning");

        var error = Assert.Single(PackLoader.Load(_pack).Errors);

        Assert.Equal(PackJson, error.File);
        Assert.Matches(@"^line \d+: rules\[0\]\.severity: is not a field here", error.Message);
    }

    [Fact]
    public void Load_SeverityNotInTheList_IsASchemaError()
    {
        PackFiles.Edit(_pack, p => PackFiles.FirstRule(p)["edit"]!["severity"] = "critical");

        var error = Assert.Single(PackLoader.Load(_pack).Errors);

        Assert.Contains("rules[0].edit.severity: is not one of the allowed values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingRequiredField_NamesIt()
    {
        PackFiles.Edit(_pack, p => PackFiles.FirstRule(p).Remove("expression"));

        Assert.Contains(PackLoader.Load(_pack).Errors, e => e.Message.Contains("'expression' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BrokenJson_SaysWhereTheSyntaxBreaks()
    {
        File.WriteAllText(PackJson, "{\n  \"id\": \"mindwell-behavioral\",\n  \"payers\": [\"X\"\n}");

        var error = Assert.Single(PackLoader.Load(_pack).Errors);

        Assert.Matches(@"^line \d+, position \d+: not valid JSON", error.Message);
    }

    [Fact]
    public void Load_IdDifferentFromFolder_IsAnError()
    {
        PackFiles.Edit(_pack, p => p["id"] = "someone-else");

        Assert.Contains(PackLoader.Load(_pack).Errors, e => e.Message == "id 'someone-else' must be the same as the folder name 'mindwell-behavioral'");
    }

    [Theory]
    [InlineData("line.Code == ", "expression does not compile")]
    [InlineData("line.NoSuchThing == 1", "not part of the rule vocabulary")]
    [InlineData("line.Units == \"many\"", "expression does not compile")]
    [InlineData("line.HasModifier(25)", "expression does not compile")]
    [InlineData("other.IsEm", "this rule's scope gives it only line, claim")]
    [InlineData("line.CodeIn(\"90833 90836\") && !line.SameDayHasCodeInSet(\"e-m\")", "SameDayHasCodeInSet: there is no code set 'e-m'")]
    [InlineData("line.InSet(line.Code)", "InSet takes the name of a code set in quotes")]
    public void Load_ExpressionThatDoesNotCompile_FailsNamingTheRule(string expression, string expected)
    {
        PackFiles.Edit(_pack, p => p["rules"]![1]!["expression"] = expression);

        var result = PackLoader.Load(_pack);

        Assert.Null(result.Pack);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("psychotherapy-add-on-needs-em", PackJson), (error.Rule, error.File));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Expressions that would reach reflection, files, processes, the environment, the network or type loading.</summary>
    public static TheoryData<string> HostileExpressions => new()
    {
        "line.GetType().Assembly.FullName != \"\"",
        "line.Code.GetType().Name != \"\"",
        "System.IO.File.ReadAllText(\"/etc/passwd\") != \"\"",
        "System.IO.File.Exists(\"/etc/passwd\")",
        "Environment.GetEnvironmentVariable(\"HOME\") != null",
        "System.Diagnostics.Process.Start(\"sh\") != null",
        "Type.GetType(\"System.IO.File\") != null",
        "new System.Net.Http.HttpClient() != null",
        "AppDomain.CurrentDomain.FriendlyName != \"\"",
        "line.Modifiers.Any(m => m.GetType() != null)",
        "np(line.Code) != null",
        "it.GetType() != null",
        "@0 == null",
        "line.Code.GetHashCode() > 0",
        "Activator.CreateInstance(\"System.IO\", \"System.IO.FileInfo\") != null",

        // A text scanner read letters and dots after a digit as part of the number, and let these through.
        "0x7fffffff.GetType() != null",
        "1e5.GetType() != null",
        "1.0.Equals(1.0)",
        "0x1.GetType().Assembly.Location != \"\"",
        "0X1F.ToString() == \"31\"",
    };

    [Theory]
    [MemberData(nameof(HostileExpressions))]
    public void Load_ExpressionReachingBeyondTheVocabulary_IsRefused(string expression)
    {
        PackFiles.Edit(_pack, p => p["rules"]![1]!["expression"] = expression);

        var result = PackLoader.Load(_pack);

        Assert.Null(result.Pack);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("psychotherapy-add-on-needs-em", PackJson), (error.Rule, error.File));
        Assert.StartsWith("expression refused:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line.CodeIn(\"90833 90836\") && !line.SameDayHasEm")]
    [InlineData("line.Units > 1 and line.Charge >= 100")]
    [InlineData("claim.PayerId == \"MINDWELL\" && line.HasDiagnosisStartingWith(\"F3\")")]
    [InlineData("line.Code.StartsWith(\"908\") || line.ServiceDate >= DateTime(2026, 1, 1)")]
    [InlineData("line.Modifiers.Contains(\"GT\") || line.Modifiers.Length == 0")]
    [InlineData("!line.SameDayHasCodeInRange(\"99202\", \"99499\")")]
    [InlineData("line.InSet(\"psychotherapy-add-ons\") && !line.SameDayHasCodeInSet(\"em\")")]
    public void Load_ExpressionWithinTheVocabulary_Compiles(string expression)
    {
        PackFiles.Edit(_pack, p => p["rules"]![1]!["expression"] = expression);

        var result = PackLoader.Load(_pack);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Load_AssumedRowWithABadCodeOrWindow_IsAnErrorNamingTheRow()
    {
        var examples = Directory.GetFiles(Path.Combine(_pack, "examples"), "*.json").Order(StringComparer.Ordinal).ToArray();
        Assume(examples[0], """[ { "column1": "90837", "column2": "9084", "indicator": 1, "effective": "2020-01-01" } ]""");
        Assume(examples[1], """[ { "column1": "90837", "column2": "90847", "indicator": 1, "effective": "2020-01-01", "deletion": "2019-12-31" } ]""");

        var errors = PackLoader.Load(_pack).Errors;

        Assert.Contains(errors, e => e.File == examples[0] && e.Message.Contains("assumes[0].column2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == examples[1] && e.Message == "assumes[0]: the dates '2020-01-01' to '2019-12-31' are not a valid window");
    }

    private static void Assume(string example, string rows)
    {
        var document = JsonNode.Parse(File.ReadAllText(example))!;
        document["assumes"] = JsonNode.Parse(rows);
        File.WriteAllText(example, document.ToJsonString());
    }

    [Fact]
    public void Load_UnknownMessagePlaceholder_IsAnError()
    {
        PackFiles.Edit(_pack, p => p["rules"]![1]!["edit"]!["message"] = "Add-on {line.Procedure} needs a base code");

        var error = Assert.Single(PackLoader.Load(_pack).Errors);

        Assert.Contains("{line.Procedure} is not a placeholder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateRuleName_IsAnError()
    {
        PackFiles.Edit(_pack, p => p["rules"]![1]!["name"] = PackFiles.FirstRule(p)["name"]!.GetValue<string>());

        Assert.Contains(PackLoader.Load(_pack).Errors, e => e.Message == "another rule of this pack has the same name");
    }

    [Fact]
    public void Load_RuleThatNoExampleShowsFiring_IsAnError()
    {
        PackFiles.Edit(_pack, p => p["rules"]!.AsArray().Add(JsonNode.Parse("""
            { "name": "untested", "scope": "line", "codes": ["90791"], "expression": "true",
              "edit": { "severity": "info", "message": "m" } }
            """)));

        var error = Assert.Single(PackLoader.Load(_pack).Errors);

        Assert.Equal("untested", error.Rule);
        Assert.Contains("no example expects this rule to fire", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExampleWithInvalidClaim_NamesTheExampleFileAndField()
    {
        var example = Path.Combine(_pack, "examples", "add-on-without-em.json");
        File.WriteAllText(example, File.ReadAllText(example).Replace("2026-07-07", "2026-13-07", StringComparison.Ordinal));

        var error = Assert.Single(PackLoader.Load(_pack).Errors);

        Assert.Equal(example, error.File);
        Assert.StartsWith("claim.lines[0].service_date '2026-13-07' is not a YYYY-MM-DD date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Examples_ExpectingTheWrongLine_FailWithWhatWasRaised()
    {
        var example = Path.Combine(_pack, "examples", "add-on-without-em.json");
        File.WriteAllText(example, File.ReadAllText(example).Replace("\"line\": \"1\"", "\"line\": \"3\"", StringComparison.Ordinal));
        var pack = PackLoader.Load(_pack).Pack!;

        var failed = Assert.Single(PackExampleRunner.Run(pack, new ClaimScrubber(new ScrubOptions()), SampleTables.Snapshot), o => !o.Passed);

        Assert.Equal(example, failed.Example.File);
        Assert.Equal<string>(["rule psychotherapy-add-on-needs-em on line 3 (HardStop)"], failed.Missing);
        Assert.Equal<string>(["rule psychotherapy-add-on-needs-em on line 1 (HardStop)"], failed.Unexpected);
    }

    [Fact]
    public void Load_SameFilesTwice_GiveTheSameVersion_AndAnEditChangesIt()
    {
        var first = PackLoader.Load(_pack).Pack!.Version;
        Assert.Equal(first, PackLoader.Load(_pack).Pack!.Version);

        PackFiles.Edit(_pack, p => p["name"] = "MindWell (renamed)");

        Assert.NotEqual(first, PackLoader.Load(_pack).Pack!.Version);
    }
}
