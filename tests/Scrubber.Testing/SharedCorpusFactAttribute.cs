using Xunit;

namespace Scrubber.Testing;

/// <summary>A fact over the shared corpus: skipped when its folder (<see cref="Corpus"/>) does not exist.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    /// <summary>The folder under shared/data the test reads: <c>x12</c> (the default) or <c>ncci</c>.</summary>
    public string Corpus { get; set; } = "x12";

    public override string Skip
    {
        get => base.Skip ?? SharedCorpus.SkipReason(SharedCorpus.Folder(Corpus))!;
        set => base.Skip = value;
    }
}
