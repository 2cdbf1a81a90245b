using System.Text;
using Scrubber.X12;

namespace Scrubber.Generators.Fuzzing;

/// <summary>An X12 file as a list of segments, each a list of elements, with the separators it was written with: what
/// the 835 mutator edits at the element level, then writes back as bytes.</summary>
public sealed class X12Text
{
    private X12Text(List<List<string>> segments, X12Separators separators)
    {
        Segments = segments;
        Separators = separators;
    }

    /// <summary>The segments; element 0 is the segment id, as in the file (element 1 is CLP01).</summary>
    public List<List<string>> Segments { get; }

    public X12Separators Separators { get; }

    /// <summary>Splits a well-formed file; its separators come from its first interchange (or a bare fragment's ST).</summary>
    public static X12Text Parse(byte[] content)
    {
        var separators = X12Reader.Read(content).Interchanges[0].Separators;
        var text = Encoding.Latin1.GetString(content);
        var segments = text.Split(separators.Segment)
            .Select(s => s.Trim('\r', '\n', ' ', '\t'))
            .Where(s => s.Length > 0)
            .Select(s => s.StartsWith("ISA", StringComparison.Ordinal) ? [s] : s.Split(separators.Element).ToList())
            .ToList();
        return new X12Text(segments, separators);
    }

    /// <summary>A deep copy, so one seed file serves many cases.</summary>
    public X12Text Copy() => new([.. Segments.Select(s => s.ToList())], Separators);

    /// <summary>The file as bytes: segments ended by the terminator and a line break, ISA kept as it was.</summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            text.Append(string.Join(Separators.Element, segment)).Append(Separators.Segment);
            if (Separators.Segment is not ('\n' or '\r'))
            {
                text.Append('\n');
            }
        }

        return Encoding.Latin1.GetBytes(text.ToString());
    }

    /// <summary>The indexes of the segments with id <paramref name="id"/>.</summary>
    public List<int> IndexesOf(string id) => [.. Segments.Select((s, i) => (s, i)).Where(x => x.s[0] == id).Select(x => x.i)];
}
