using Scrubber.Core.Packs;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>The rule vocabulary and its documentation for rule authors stay in step.</summary>
public sealed class VocabularyTests
{
    [Fact]
    public void RulesReadme_DocumentsEveryMemberAnExpressionCanUse()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", "README.md"));

        var undocumented = ExpressionGuard.VocabularyMembers.Where(m => !readme.Contains($"`{m}", StringComparison.Ordinal)).ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void SamplePacks_PointTheirSchemaAtTheShippedFile()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Packs, "*.json", SearchOption.AllDirectories))
        {
            var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("$schema").GetString()!;

            Assert.True(File.Exists(Path.GetFullPath(schema, Path.GetDirectoryName(file)!)), $"{file}: $schema {schema} does not exist");
        }
    }

    [Theory]
    [InlineData("line.Code == \"it's\"")]
    [InlineData("line.Code == \"GetType\"")]
    [InlineData("line.CodeIn(\"90833, 90836\")")]
    public void Check_WordsInsideTextLiterals_AreNotIdentifiers(string expression) =>
        Assert.Null(ExpressionGuard.Check(expression, ["line", "claim"]));

    [Theory]
    [InlineData("line . GetType()", "'GetType' is not part of the rule vocabulary")]
    [InlineData("line.Code == \"x", "is not closed")]
    [InlineData("line.Code.Length > 1 ; 1", "';' is not allowed")]
    [InlineData("line.Code == «x»", "is not allowed outside a text literal")]
    [InlineData("lıne.Code == \"x\"", "'l' is not part of the rule vocabulary")]
    public void Check_Refuses(string expression, string because) =>
        Assert.Contains(because, ExpressionGuard.Check(expression, ["line", "claim"]), StringComparison.Ordinal);
}
