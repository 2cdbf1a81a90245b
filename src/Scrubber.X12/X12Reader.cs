using Scrubber.X12.Internal;

namespace Scrubber.X12;

/// <summary>Reads X12 bytes into interchanges, functional groups, transaction sets and segments, in one pass.</summary>
/// <remarks>
/// Separators come from each ISA (never assumed), so one file may hold interchanges with different delimiters.
/// A bare ST…SE fragment without envelope is accepted and marked <see cref="X12Document.IsEnveloped"/> false.
/// </remarks>
public static class X12Reader
{
    /// <summary>Reads <paramref name="content"/> with every check on.</summary>
    /// <exception cref="X12FormatException">The bytes are not well-formed X12; the message says where and why.</exception>
    public static X12Document Read(byte[] content) => Read(content, X12ReaderOptions.Default);

    /// <summary>Reads <paramref name="content"/> with the given checks.</summary>
    /// <exception cref="X12FormatException">The bytes are not well-formed X12; the message says where and why.</exception>
    public static X12Document Read(byte[] content, X12ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        return new EnvelopeReader(content, options).Read();
    }
}
