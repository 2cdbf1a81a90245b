using System.Collections.Immutable;
using Scrubber.Core.Claims;

namespace Scrubber.Core.CodeSets;

/// <summary>A named set of procedure codes, held as inclusive ranges in file order, each with its category and source.</summary>
public sealed class CodeSet
{
    internal CodeSet(string name, string description, ImmutableArray<CodeRange> ranges)
    {
        Name = name;
        Description = description;
        Ranges = ranges;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>The entries, this set's own first, then those of the sets it includes.</summary>
    public ImmutableArray<CodeRange> Ranges { get; }

    /// <summary>Whether <paramref name="code"/> is in the set.</summary>
    public bool Contains(HcpcsCode code) => Find(code) is not null;

    /// <summary>The category of the first entry holding <paramref name="code"/>, or null when it is not in the set
    /// or its entry has none.</summary>
    public string? CategoryOf(HcpcsCode code) => Find(code)?.Category;

    private CodeRange? Find(HcpcsCode code)
    {
        foreach (var range in Ranges)
        {
            if (code.IsInRange(range.Low, range.High))
            {
                return range;
            }
        }

        return null;
    }
}

/// <summary>An inclusive range of codes (one code when <see cref="Low"/> equals <see cref="High"/>).</summary>
public sealed record CodeRange(HcpcsCode Low, HcpcsCode High, string? Category, string Source);
