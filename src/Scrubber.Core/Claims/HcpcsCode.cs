using System.Diagnostics.CodeAnalysis;

namespace Scrubber.Core.Claims;

/// <summary>A five-character HCPCS procedure code (CPT, Category II/III, PLA, HCPCS Level II) packed into 32 bits.</summary>
/// <remarks>
/// Each character maps to 1..36 (digits, then letters) in base 37, so no valid code packs to zero and
/// 37^5 ≈ 6.9e7 fits in a <see cref="uint"/>. Two codes make one <see cref="ulong"/> pair key for the NCCI index.
/// </remarks>
public readonly record struct HcpcsCode : ISpanFormattable
{
    private const int Length = 5;
    private const uint Radix = 37;

    private HcpcsCode(uint value) => Value = value;

    /// <summary>The packed value; never zero for a parsed code.</summary>
    public uint Value { get; }

    /// <summary>Parses exactly five ASCII letters or digits; lower-case letters are accepted and upper-cased.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out HcpcsCode code)
    {
        code = default;
        if (text.Length != Length)
        {
            return false;
        }

        uint value = 0;
        foreach (var c in text)
        {
            var digit = DigitOf(c);
            if (digit == 0)
            {
                return false;
            }

            value = (value * Radix) + digit;
        }

        code = new HcpcsCode(value);
        return true;
    }

    /// <summary>Parses the Latin-1 bytes of a code as they appear in a CMS file.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out HcpcsCode code)
    {
        Span<char> chars = stackalloc char[Length];
        if (text.Length != Length)
        {
            code = default;
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            chars[i] = (char)text[i];
        }

        return TryParse(chars, out code);
    }

    /// <summary>Parses a code or throws <see cref="FormatException"/>; for constants and tests.</summary>
    public static HcpcsCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a 5-character HCPCS code.");

    /// <summary>Whether this code is an E/M service (domain.md §2.4: 25 belongs on these lines only).</summary>
    public bool IsEvaluationAndManagement => EvaluationAndManagement.Contains(this);

    /// <summary>Whether 25 and 57 are valid on this code: an E/M service or a general ophthalmological exam.</summary>
    public bool Takes25 => EvaluationAndManagement.Takes25(this);

    /// <summary>Whether this code is a clinical laboratory test, which a same-day repeat marks with 91.</summary>
    public bool IsClinicalLab => ClinicalLab.Contains(this);

    /// <summary>Whether this code is a procedure on one organ, structure or wound (surgery, wound debridement), so that
    /// two of them may be on separate sites.</summary>
    public bool IsSiteBound => SeparateSiteProcedures.Contains(this);

    /// <summary>Whether this code lies in the inclusive range [<paramref name="low"/>, <paramref name="high"/>] in code order.</summary>
    public bool IsInRange(HcpcsCode low, HcpcsCode high) => Value >= low.Value && Value <= high.Value;

    public override string ToString() => string.Create(Length, Value, static (span, value) => Write(span, value));

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.Length < Length)
        {
            charsWritten = 0;
            return false;
        }

        Write(destination[..Length], Value);
        charsWritten = Length;
        return true;
    }

    private static void Write(Span<char> span, uint value)
    {
        for (var i = Length - 1; i >= 0; i--)
        {
            var digit = value % Radix;
            span[i] = digit <= 10 ? (char)('0' + digit - 1) : (char)('A' + digit - 11);
            value /= Radix;
        }
    }

    [SuppressMessage("Style", "IDE0066", Justification = "A range switch reads better as statements here.")]
    private static uint DigitOf(char c)
    {
        if (c is >= '0' and <= '9')
        {
            return (uint)(c - '0') + 1;
        }

        if (c is >= 'A' and <= 'Z')
        {
            return (uint)(c - 'A') + 11;
        }

        if (c is >= 'a' and <= 'z')
        {
            return (uint)(c - 'a') + 11;
        }

        return 0;
    }
}
