using System.Text;
using nietras.SeparatedValues;

namespace Scrubber.Core.Ncci;

/// <summary>What every CMS CSV reader (MUE, fee schedule RVU) shares: Latin-1 text read through a bound on size and on
/// binary content, an RFC 4180 parser whose rows may differ in length, trimmed cells, and refusals that name file and
/// line.</summary>
internal static class CmsCsv
{
    /// <summary>The file as text, refused past <paramref name="limit"/> bytes or at a NUL byte.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="file">The file's name, for refusals.</param>
    /// <param name="limit">The most bytes read.</param>
    /// <param name="sizeNote">What a real file weighs, for the refusal (e.g. "a CMS MUE file is about 1 MB.").</param>
    /// <param name="kind">What the file should be, for the refusal (e.g. "an MUE CSV file").</param>
    public static StreamReader OpenText(Stream stream, string file, long limit, string sizeNote, string kind) =>
        new(new BoundedStream(stream, limit, file, sizeNote, kind), Encoding.Latin1, detectEncodingFromByteOrderMarks: false);

    /// <summary>Every row as it comes, quoted cells unescaped; the readers find the header by what it says.</summary>
    public static SepReader Rows(TextReader text) =>
        Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);

    /// <summary>A cell trimmed, its line breaks (in a quoted header cell) made spaces.</summary>
    public static string Cell(SepReader.Row row, int index)
    {
        var span = row[index].Span.Trim();
        return span.ContainsAny('\r', '\n') ? span.ToString().ReplaceLineEndings(" ") : span.ToString();
    }

    public static bool IsBlank(SepReader.Row row)
    {
        for (var i = 0; i < row.ColCount; i++)
        {
            if (!row[i].Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    public static NcciLoadException Refused(string file, int line, string reason) => new($"{file}:{line}: {reason}");

    /// <summary>A value quoted in a refusal, cut short so a hostile cell cannot flood the log.</summary>
    public static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private sealed class BoundedStream(Stream inner, long limit, string file, string sizeNote, string kind) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            _read += read;
            if (_read > limit)
            {
                throw new NcciLoadException($"'{file}' is larger than {limit >> 20} MiB; {sizeNote} Is it {kind}?");
            }

            if (buffer.AsSpan(offset, read).Contains((byte)0))
            {
                throw new NcciLoadException($"'{file}' holds binary data (a NUL byte), not CSV text. Is it {kind}?");
            }

            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
