using System.Collections.Immutable;
using System.Globalization;

namespace Scrubber.X12.Internal;

/// <summary>Collects what a read accepted but found odd; under <see cref="X12ReaderOptions.Strict"/> each is an error instead.</summary>
/// <remarks>A defect a payer's software makes it makes everywhere: filler can occur at every segment and a stale SE01
/// in every transaction of a file. So filler is reported once, at its first place, with how many places have it, and
/// any other code at most <see cref="MaxPerCode"/> times, then once more with how many were left out: an answer must
/// stay readable and small whatever the file.</remarks>
internal sealed class ReadWarnings(bool strict)
{
    /// <summary>The most warnings of one code listed one by one.</summary>
    public const int MaxPerCode = 20;

    private readonly List<X12Warning> _warnings = [];
    private readonly Dictionary<string, (int Count, long LastOffset)> _perCode = new(StringComparer.Ordinal);
    private X12Warning? _firstFiller;
    private int _fillerPlaces;

    /// <summary>Records a warning.</summary>
    /// <exception cref="X12FormatException">Reading is strict.</exception>
    public void Add(string code, string message, long byteOffset, string? segment)
    {
        if (strict)
        {
            throw new X12FormatException($"{message} (refused: strict reading)", byteOffset, segment);
        }

        var (count, _) = _perCode.GetValueOrDefault(code);
        _perCode[code] = (count + 1, byteOffset);
        if (count < MaxPerCode)
        {
            _warnings.Add(new X12Warning(code, message, byteOffset, segment));
        }
    }

    /// <summary>Records blank lines, spaces or tabs between segments, or trailing spaces inside one.</summary>
    /// <exception cref="X12FormatException">Reading is strict.</exception>
    public void Filler(string what, long byteOffset, string? segment)
    {
        if (strict)
        {
            throw new X12FormatException($"{what} at byte {byteOffset} (refused: strict reading)", byteOffset, segment);
        }

        _firstFiller ??= new X12Warning(X12WarningCodes.Filler, what, byteOffset, segment);
        _fillerPlaces++;
    }

    /// <summary>Every warning, in file order.</summary>
    public ImmutableArray<X12Warning> ToImmutable()
    {
        var all = new List<X12Warning>(_warnings);
        if (_firstFiller is { } first)
        {
            var places = _fillerPlaces == 1 ? "once" : string.Create(CultureInfo.InvariantCulture, $"at {_fillerPlaces} places");
            all.Add(first with { Message = $"{first.Message} at byte {first.ByteOffset} (ignored; seen {places})" });
        }

        foreach (var (code, (count, lastOffset)) in _perCode.Where(c => c.Value.Count > MaxPerCode))
        {
            all.Add(new X12Warning(code,
                string.Create(CultureInfo.InvariantCulture, $"{count - MaxPerCode} more {code} warnings like the ones above, the last at byte {lastOffset}"),
                lastOffset, null));
        }

        return [.. all.OrderBy(w => w.ByteOffset)];
    }
}
