using System.Collections.Immutable;
using System.Globalization;

namespace Scrubber.X12.Remittance.Internal;

/// <summary>Reads a composite element (SVC01, SVC06: qualifier, code, modifiers), tolerating a component separator
/// other than the one ISA16 declares when the element itself shows which one it uses.</summary>
/// <remarks>Seen in the wild (LinuxForHealth's secondary-payment 835): ISA16 says ':' and SVC01 is
/// <c>HC&gt;12345&gt;26</c>. A composite starts with a two-character qualifier (HC, AD, ER, IV, N4, NU, WK, …), so when
/// the element has no ISA16 separator and its third character is punctuation that is no other separator of the
/// interchange, that character is the only reading that makes sense.</remarks>
internal static class Composites
{
    public static ImmutableArray<string> Read(X12Segment segment, int position, ParseContext context)
    {
        var components = segment.Components(position);
        if (components.Length != 1 || components[0] is not { Length: > 3 } value || !IsAlternateSeparator(value, segment.Separators))
        {
            return components;
        }

        var used = value[2];
        context.Warnings.Add(X12WarningCodes.ComponentSeparator,
            string.Create(CultureInfo.InvariantCulture,
                $"{ElementValues.Name(segment, position)} '{ElementValues.Clip(value)}' in the {segment.Id} at byte {segment.ByteOffset} separates its " +
                $"components with '{used}', not the '{segment.Separators.Component}' ISA16 declares; it was read with '{used}'"),
            segment.ByteOffset,
            segment.Id);
        return [.. value.Split(used)];
    }

    private static bool IsAlternateSeparator(string value, X12Separators separators)
    {
        var candidate = value[2];
        return char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[1])
            && char.IsAsciiLetterOrDigit(value[3])
            && candidate < 0x80 && (char.IsPunctuation(candidate) || char.IsSymbol(candidate))
            && candidate != separators.Element && candidate != separators.Segment && candidate != separators.Repetition;
    }
}
