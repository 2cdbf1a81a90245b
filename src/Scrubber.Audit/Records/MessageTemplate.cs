using System.Text;

namespace Scrubber.Audit.Records;

/// <summary>An edit's message as a template over the edit's own fields: each whole-word occurrence of a code, line or
/// claim id the edit carries becomes a placeholder (<c>{column1}</c>, <c>{line}</c>, …), and braces are doubled. A
/// record keeps the template's id and the fields; <see cref="Render"/> gives back the exact words that were sent.</summary>
internal static class MessageTemplate
{
    /// <summary>The template of <paramref name="message"/> given the edit's field values (by placeholder name).</summary>
    /// <remarks>On the hot path (every edit of every scrub), so each value is found with a vectorised search rather than
    /// by trying every value at every word. The result is the same as a left-to-right scan that, at each word start,
    /// takes the longest value found there (the first field on a tie) and skips past it.</remarks>
    public static string Derive(string message, IReadOnlyList<(string Name, string Value)> fields)
    {
        Span<Match> found = stackalloc Match[32];
        var count = 0;
        for (var f = 0; f < fields.Count && count < found.Length; f++)
        {
            var value = fields[f].Value;
            if (value.Length == 0)
            {
                continue;
            }

            for (var from = 0; count < found.Length;)
            {
                var at = message.AsSpan(from).IndexOf(value, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                at += from;
                var end = at + value.Length;
                if ((at == 0 || !char.IsLetterOrDigit(message[at - 1])) && (end == message.Length || !char.IsLetterOrDigit(message[end])))
                {
                    found[count++] = new Match(at, value.Length, f);
                }

                from = at + 1;
            }
        }

        if (count == 0 && message.AsSpan().IndexOfAny('{', '}') < 0)
        {
            return message;
        }

        var matches = found[..count];
        matches.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Field.CompareTo(b.Field));
        var template = new StringBuilder(message.Length + 16);
        var copied = 0;
        foreach (var match in matches)
        {
            if (match.Start < copied)
            {
                continue;
            }

            AppendEscaped(template, message.AsSpan(copied, match.Start - copied));
            template.Append('{').Append(fields[match.Field].Name).Append('}');
            copied = match.Start + match.Length;
        }

        AppendEscaped(template, message.AsSpan(copied));
        return template.ToString();
    }

    private readonly record struct Match(int Start, int Length, int Field);

    private static void AppendEscaped(StringBuilder template, ReadOnlySpan<char> text)
    {
        while (text.IndexOfAny('{', '}') is var brace and >= 0)
        {
            template.Append(text[..(brace + 1)]).Append(text[brace]);
            text = text[(brace + 1)..];
        }

        template.Append(text);
    }

    /// <summary>The words of <paramref name="template"/> with the edit's field values in place.</summary>
    /// <exception cref="InvalidDataException">The template names a field the edit does not have.</exception>
    public static string Render(string template, IReadOnlyList<(string Name, string Value)> fields)
    {
        var text = new StringBuilder(template.Length + 16);
        for (var at = 0; at < template.Length; at++)
        {
            var c = template[at];
            if ((c == '{' || c == '}') && at + 1 < template.Length && template[at + 1] == c)
            {
                text.Append(c);
                at++;
            }
            else if (c == '{' && template.IndexOf('}', at) is var close and > 0)
            {
                var name = template[(at + 1)..close];
                text.Append(fields.FirstOrDefault(f => f.Name == name).Value
                    ?? throw new InvalidDataException($"A message template names '{name}', which its edit does not have."));
                at = close;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
