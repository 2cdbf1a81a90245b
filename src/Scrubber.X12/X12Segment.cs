using System.Collections.Immutable;

namespace Scrubber.X12;

/// <summary>One segment: its id, its elements as text, and where it starts in the file.</summary>
/// <param name="Id">The segment id (ISA, ST, CLP, …).</param>
/// <param name="Elements">The elements after the id; <c>Elements[0]</c> is element 1 (CLP01).</param>
/// <param name="ByteOffset">Where the segment id starts, counting from the first byte of the file.</param>
/// <param name="Separators">The delimiters of the interchange the segment belongs to, for splitting composites.</param>
public sealed record X12Segment(string Id, ImmutableArray<string> Elements, long ByteOffset, X12Separators Separators)
{
    /// <summary>How many elements the segment carries (trailing empty ones included).</summary>
    public int ElementCount => Elements.Length;

    /// <summary>Element <paramref name="position"/>, 1-based as in the implementation guides (CLP03 is 3); empty when absent.</summary>
    public string Element(int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        return position <= Elements.Length ? Elements[position - 1] : string.Empty;
    }

    /// <summary>The components of composite element <paramref name="position"/> (SVC01 → HC, 99213, 25); empty when absent.</summary>
    public ImmutableArray<string> Components(int position)
    {
        var value = Element(position);
        return value.Length == 0 ? [] : [.. value.Split(Separators.Component)];
    }

    /// <summary>Component <paramref name="component"/> (1-based) of element <paramref name="position"/>; empty when absent.</summary>
    public string Component(int position, int component)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(component, 1);
        var parts = Components(position);
        return component <= parts.Length ? parts[component - 1] : string.Empty;
    }

    /// <summary>The repeats of element <paramref name="position"/>, split on the repetition separator when the envelope has one.</summary>
    public ImmutableArray<string> Repetitions(int position)
    {
        var value = Element(position);
        if (value.Length == 0)
        {
            return [];
        }

        return Separators.Repetition is { } repetition ? [.. value.Split(repetition)] : [value];
    }

    /// <summary>The segment as X12 text, without its terminator.</summary>
    public override string ToString() =>
        Elements.IsEmpty ? Id : Id + Separators.Element + string.Join(Separators.Element, Elements);
}
