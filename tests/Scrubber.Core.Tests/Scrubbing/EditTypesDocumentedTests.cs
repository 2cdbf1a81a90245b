using System.Reflection;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Scrubbing;

/// <summary>Every edit type the engine raises is explained in the README's "What an edit means" section and listed
/// on the proto's <c>Edit.edit_type</c>, where PM system developers look.</summary>
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
}
