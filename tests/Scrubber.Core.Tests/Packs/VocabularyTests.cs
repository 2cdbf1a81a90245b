using Scrubber.Core.Packs;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Packs.Sandbox;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>The rule vocabulary and its documentation for rule authors stay in step.</summary>
public sealed class VocabularyTests
{
    [Fact]
    public void RulesReadme_DocumentsEveryMemberAnExpressionCanUse()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", "README.md"));

        var undocumented = SandboxVocabulary.MemberNames.Where(m => !readme.Contains($"`{m}", StringComparison.Ordinal)).ToList();

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
        Assert.Null(ExpressionSandbox.Check(expression, RuleScope.Line, PackLimits.Default).Problem);

    [Theory]
    [InlineData("line . GetType() != null", "expression refused: 'GetType' is not part of the rule vocabulary")]
    [InlineData("line.Code == \"x", "expression does not compile: Unterminated string literal")]
    [InlineData("line.Code.Length > 1 ; 1", "expression does not compile:")]
    [InlineData("line.Code == «x»", "expression does not compile:")]
    [InlineData("lıne.Code == \"x\"", "expression refused: 'lıne' is not part of the rule vocabulary")]
    public void Check_Refuses(string expression, string because) =>
        Assert.StartsWith(because, ExpressionSandbox.Check(expression, RuleScope.Line, PackLimits.Default).Problem, StringComparison.Ordinal);
}
