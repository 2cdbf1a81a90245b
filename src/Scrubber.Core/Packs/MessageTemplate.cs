using System.Text.RegularExpressions;
using Scrubber.Core.Packs.Vocabulary;

namespace Scrubber.Core.Packs;

/// <summary>A rule's edit message with {line.Code}-style placeholders, checked when the pack loads.</summary>
internal sealed partial class MessageTemplate
{
    private static readonly string[] Known = ["line.Code", "line.LineId", "other.Code", "other.LineId", "claim.PayerId", "claim.ClaimId"];

    private readonly string _text;

    private MessageTemplate(string text) => _text = text;

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

    public string Render(LineFacts? line, LineFacts? other, ClaimFacts claim) =>
        Placeholder().Replace(_text, match => match.Groups[1].Value switch
        {
            "line.Code" => line?.Code ?? string.Empty,
            "line.LineId" => line?.LineId ?? string.Empty,
            "other.Code" => other?.Code ?? string.Empty,
            "other.LineId" => other?.LineId ?? string.Empty,
            "claim.PayerId" => claim.PayerId,
            _ => claim.ClaimId,
        });

    public override string ToString() => _text;

    [GeneratedRegex(@"\{([A-Za-z]+\.[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
