using System.Text;

namespace Scrubber.X12.Internal;

/// <summary>Byte-level helpers shared by the envelope readers: character classes, filler skipping, message previews.</summary>
internal static class X12Bytes
{
    public const byte Cr = (byte)'\r';
    public const byte Lf = (byte)'\n';

    /// <summary>How much of the input an error message quotes.</summary>
    private const int PreviewLength = 10;

    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static bool IsLetterOrDigit(byte b) =>
        (uint)(b - 'A') <= 'Z' - 'A' || (uint)(b - 'a') <= 'z' - 'a' || (uint)(b - '0') <= 9;

    public static bool IsUpperOrDigit(byte b) => (uint)(b - 'A') <= 'Z' - 'A' || (uint)(b - '0') <= 9;

    public static bool IsLineBreak(byte b) => b is Cr or Lf;

    /// <summary>
    /// Skips what may stand between segments: spaces and tabs (indented files), line breaks, and UTF-8 byte-order
    /// marks (a file made by concatenating BOM-prefixed files carries one before each ISA).
    /// </summary>
    public static int SkipFiller(ReadOnlySpan<byte> content, int position)
    {
        while (position < content.Length)
        {
            var b = content[position];
            if (b is (byte)' ' or (byte)'\t' or Cr or Lf)
            {
                position++;
            }
            else if (b == 0xEF && content[position..].StartsWith(Utf8Bom))
            {
                position += Utf8Bom.Length;
            }
            else
            {
                break;
            }
        }

        return position;
    }

    public static int SkipLineBreaks(ReadOnlySpan<byte> content, int position)
    {
        while (position < content.Length && IsLineBreak(content[position]))
        {
            position++;
        }

        return position;
    }

    /// <summary>X12 is ASCII or UTF-8; UTF-16 text (a BOM, or NUL bytes early on) is refused with a message saying so.</summary>
    public static void RejectUtf16(ReadOnlySpan<byte> content)
    {
        var bom = content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF));
        var head = content[..Math.Min(content.Length, 16)];
        var nul = head.IndexOf((byte)0);
        if (bom || nul >= 0)
        {
            var evidence = bom ? "a UTF-16 byte-order mark at byte 0" : $"a NUL byte at byte {nul}";
            throw new X12FormatException(
                $"not X12: the file is UTF-16 text ({evidence}); X12 must be ASCII or UTF-8. Save it as ASCII/UTF-8 and try again.",
                bom ? 0 : nul,
                null);
        }
    }

    /// <summary>The first few characters at <paramref name="position"/>, control bytes escaped, for an error message.</summary>
    public static string Preview(ReadOnlySpan<byte> content, int position)
    {
        if (position >= content.Length)
        {
            return string.Empty;
        }

        var slice = content[position..];
        var builder = new StringBuilder();
        foreach (var b in slice[..Math.Min(slice.Length, PreviewLength)])
        {
            builder.Append(Describe(b));
        }

        return slice.Length > PreviewLength ? builder.Append('…').ToString() : builder.ToString();
    }

    /// <summary>One byte as readable text: itself when printable ASCII, otherwise an escape such as \r or \x1D.</summary>
    public static string Describe(byte b) => b switch
    {
        Cr => "\\r",
        Lf => "\\n",
        (byte)'\t' => "\\t",
        >= 0x20 and < 0x7F => new string((char)b, 1),
        _ => $"\\x{b:X2}",
    };
}
