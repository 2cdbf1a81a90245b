namespace Scrubber.X12;

/// <summary>The bytes are not well-formed X12; the message names the byte offset and the segment.</summary>
public sealed class X12FormatException : Exception
{
    public X12FormatException()
    {
    }

    public X12FormatException(string message)
        : base(message)
    {
    }

    public X12FormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public X12FormatException(string message, long byteOffset, string? segment)
        : base(message)
    {
        ByteOffset = byteOffset;
        Segment = segment;
    }

    /// <summary>Where in the input the problem is (0-based, counting any byte-order mark).</summary>
    public long ByteOffset { get; }

    /// <summary>The id of the segment at fault (for example <c>SE</c> or <c>CLP</c>), or null when there is none.</summary>
    public string? Segment { get; }
}
