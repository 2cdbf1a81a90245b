using System.Reflection;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Scrubbing;

/// <summary>Every edit type the engine raises is explained in the README's "What an edit means" section and listed
/// on the proto's <c>Edit.edit_type</c>, where PM system developers look; every row of that section's table says what
/// to do, in the <c>recommended_action</c> names the API returns.</summary>
public sealed class EditTypesDocumentedTests
{
    public static TheoryData<string> Types()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(EditTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            data.Add((string)field.GetRawConstantValue()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryEditType_IsInTheReadmeAndTheProto(string type)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("### What an edit means", StringComparison.Ordinal)..readme.IndexOf("## Payer rule packs", StringComparison.Ordinal)];
        var proto = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "proto", "scrubber", "v1", "scrubber.proto"));

        Assert.Contains($"`{type}`", section, StringComparison.Ordinal);
        Assert.Contains(type, proto, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRowOfTheEditTable_NamesItsRecommendedAction_AndEveryActionIsUsed()
    {
        var actions = Enum.GetNames<RecommendedAction>().Select(ApiName).ToArray();
        var rows = EditTableRows();

        // The one row that raises no edit has no action ("—").
        Assert.All(rows.Where(r => r.Edit.StartsWith("no edit", StringComparison.Ordinal) is false), row =>
            Assert.True(actions.Any(a => row.Action.Contains($"`{a}`", StringComparison.Ordinal)), $"no recommended_action for: {row.Situation}"));
        Assert.All(actions, action => Assert.Contains(rows, r => r.Action.Contains($"`{action}`", StringComparison.Ordinal)));
    }

    private static List<(string Situation, string Edit, string Action)> EditTableRows()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith("| Situation | Edit | `recommended_action` |", StringComparison.Ordinal));
        Assert.True(header > 0, "the edit table's header is not in the README");
        return [.. readme.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|')).Select(c => (c[1].Trim(), c[2].Trim(), c[3].Trim()))];
    }

    /// <summary>The proto's enum value name without its prefix: AddModifier → ADD_MODIFIER.</summary>
    private static string ApiName(string member) =>
        string.Concat(member.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
