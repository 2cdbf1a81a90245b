using System.Text.RegularExpressions;
using Scrubber.Core.Packs.Vocabulary;

namespace Scrubber.Core.Packs;

/// <summary>A rule's edit message with {line.Code}-style placeholders, checked and cut into parts when the pack loads,
/// so that rendering one on a scrub only joins the parts.</summary>
internal sealed partial class MessageTemplate
{
    private static readonly string[] Known = ["line.Code", "line.LineId", "other.Code", "other.LineId", "claim.PayerId", "claim.ClaimId"];

    private readonly string _text;

    /// <summary>The message in order: text as written, or (when <c>Placeholder</c> is set) the value it names.</summary>
    private readonly (string Text, string? Placeholder)[] _parts;

    private MessageTemplate(string text)
    {
        _text = text;
        var parts = new List<(string, string?)>();
        var at = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            if (match.Index > at)
            {
                parts.Add((text[at..match.Index], null));
            }

            parts.Add((string.Empty, match.Groups[1].Value));
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            parts.Add((text[at..], null));
        }

        _parts = [.. parts];
    }

    /// <summary>Parses a message; returns null and says why when it names a placeholder that does not exist.</summary>
    public static MessageTemplate? TryParse(string text, bool hasOther, List<string> problems)
    {
        foreach (Match match in Placeholder().Matches(text))
        {
            var name = match.Groups[1].Value;
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                problems.Add($"edit.message: {{{name}}} is not a placeholder; use {string.Join(", ", Known.Select(k => "{" + k + "}"))}");
                return null;
            }

            if (!hasOther && name.StartsWith("other.", StringComparison.Ordinal))
            {
                problems.Add($"edit.message: {{{name}}} needs a pair rule; this rule has no other line");
                return null;
            }
        }

        return new MessageTemplate(text);
    }

    public string Render(LineFacts? line, LineFacts? other, ClaimFacts claim)
    {
        if (_parts.Length == 1 && _parts[0].Placeholder is null)
        {
            return _text;
        }

        var values = new string[_parts.Length];
        for (var i = 0; i < _parts.Length; i++)
        {
            values[i] = _parts[i].Placeholder switch
            {
                null => _parts[i].Text,
                "line.Code" => line?.Code ?? string.Empty,
                "line.LineId" => line?.LineId ?? string.Empty,
                "other.Code" => other?.Code ?? string.Empty,
                "other.LineId" => other?.LineId ?? string.Empty,
                "claim.PayerId" => claim.PayerId,
                _ => claim.ClaimId,
            };
        }

        return string.Concat(values);
    }

    public override string ToString() => _text;

    [GeneratedRegex(@"\{([A-Za-z]+\.[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
