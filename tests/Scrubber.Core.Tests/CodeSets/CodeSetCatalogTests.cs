using Scrubber.Core.Claims;
using Scrubber.Core.CodeSets;
using Scrubber.Core.Packs;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.CodeSets;

/// <summary>The code sets under rules/codesets: the files in the repository are the ones built in, they pass their
/// schema, and a broken file is refused naming the file and line.</summary>
public sealed class CodeSetCatalogTests
{
    private static readonly CodeSetCatalog Sets = CodeSetCatalog.Default;

    [Fact]
    public void Default_HoldsEverySetOfTheRulesFolder()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "rules", "codesets"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(files, Sets.Names);
        Assert.Equal(["add-on-codes", "anesthesia", "clinical-lab", "em", "em-25-eligible", "lab-panels", "psychotherapy-add-ons", "separate-site-procedures"], Sets.Names);
    }

    [Fact]
    public void TheRulesFolder_LoadsWithoutErrorsThroughTheSchema()
    {
        var errors = new List<PackError>();

        var catalog = CodeSetCatalog.Load(ReadFolder(), errors);

        Assert.Empty(errors);
        Assert.Equal(Sets.Names, catalog.Names);
    }

    [Theory]
    [InlineData("99203", "office-new")]
    [InlineData("99214", "office-established")]
    [InlineData("99285", "emergency")]
    [InlineData("99291", "critical-care")]
    [InlineData("99395", "preventive")]
    [InlineData("99499", "other")]
    [InlineData("G0439", "medicare-preventive")]
    [InlineData("G0463", "hospital-outpatient-clinic")]
    public void Em_GivesEachVisitItsCategory(string code, string category) =>
        Assert.Equal(category, Sets["em"].CategoryOf(HcpcsCode.Parse(code)));

    [Theory]
    [InlineData("92002")]
    [InlineData("92004")]
    [InlineData("92012")]
    [InlineData("92014")]
    public void GeneralOphthalmologicalExams_Take25_ButAreNotEmVisits(string code)
    {
        var exam = HcpcsCode.Parse(code);

        Assert.True(Sets["em-25-eligible"].Contains(exam));
        Assert.False(Sets["em"].Contains(exam));
        Assert.False(exam.IsEvaluationAndManagement);
    }

    [Theory]
    [InlineData("99213", true)]
    [InlineData("93000", false)]
    [InlineData("92015", false)]
    [InlineData("99500", false)]
    public void Em25Eligible_IncludesTheEmSet(string code, bool expected) =>
        Assert.Equal(expected, Sets["em-25-eligible"].Contains(HcpcsCode.Parse(code)));

    [Theory]
    [InlineData("90833", true)]
    [InlineData("99292", true)]
    [InlineData("11045", true)]
    [InlineData("99291", false)]
    [InlineData("90834", false)]
    public void AddOnCodes_IncludeThePsychotherapyAddOns(string code, bool expected) =>
        Assert.Equal(expected, Sets["add-on-codes"].Contains(HcpcsCode.Parse(code)));

    [Fact]
    public void UnknownSet_IsAnErrorThatListsTheKnownOnes()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Sets["e-m"]);

        Assert.Contains("There is no code set 'e-m' (known: add-on-codes, anesthesia, clinical-lab, em,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenFile_IsRefusedNamingTheFileAndLine()
    {
        var files = ReadFolder();
        files["rules/codesets/anesthesia.json"] = files["rules/codesets/anesthesia.json"].Replace("\"00100-01999\"", "\"0010-01999\"", StringComparison.Ordinal);
        var errors = new List<PackError>();

        CodeSetCatalog.Load(files, errors);

        var error = Assert.Single(errors);
        Assert.Equal("rules/codesets/anesthesia.json", error.File);
        Assert.Matches(@"^line \d+: entries\[0\]\.codes: ", error.Message);
    }

    [Fact]
    public void NameOtherThanTheFile_AndAnIncludeCycle_AreErrors()
    {
        var files = new Dictionary<string, string>
        {
            ["a.json"] = """{ "name": "a", "description": "x", "include": ["b"], "entries": [ { "codes": "99213", "source": "test" } ] }""",
            ["b.json"] = """{ "name": "b", "description": "x", "include": ["a"], "entries": [ { "codes": "99214", "source": "test" } ] }""",
            ["c.json"] = """{ "name": "d", "description": "x", "entries": [ { "codes": "99215", "source": "test" } ] }""",
        };
        var errors = new List<PackError>();

        CodeSetCatalog.Load(files, errors);

        Assert.Contains(errors, e => e.File == "c.json" && e.Message == "name 'd' must be the file's name");
        Assert.Contains(errors, e => e.Message.StartsWith("include: 'a' includes itself", StringComparison.Ordinal) ||
                                     e.Message.StartsWith("include: 'b' includes itself", StringComparison.Ordinal));
    }

    [Fact]
    public void RangeThatEndsBeforeItStarts_IsAnError()
    {
        var files = new Dictionary<string, string>
        {
            ["a.json"] = """{ "name": "a", "description": "x", "entries": [ { "codes": "99215-99211", "source": "test" } ] }""",
        };
        var errors = new List<PackError>();

        CodeSetCatalog.Load(files, errors);

        Assert.Equal("entries.0.codes: '99215-99211' ends before it starts", Assert.Single(errors).Message);
    }

    private static Dictionary<string, string> ReadFolder() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "rules", "codesets"), "*.json")
            .ToDictionary(f => "rules/codesets/" + Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
}
