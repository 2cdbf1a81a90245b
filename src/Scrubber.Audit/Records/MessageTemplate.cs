using System.Text;

namespace Scrubber.Audit.Records;

/// <summary>An edit's message as a template over the edit's own fields: each whole-word occurrence of a code, line or
/// claim id the edit carries becomes a placeholder (<c>{column1}</c>, <c>{line}</c>, …), and braces are doubled. A
/// record keeps the template's id and the fields; <see cref="Render"/> gives back the exact words that were sent.</summary>
internal static class MessageTemplate
{
    /// <summary>The template of <paramref name="message"/> given the edit's field values (by placeholder name).</summary>
    public static string Derive(string message, IReadOnlyList<(string Name, string Value)> fields)
    {
        // Longest first, so a code is never taken for a line id that is a part of it.
        var candidates = fields.Where(f => f.Value.Length > 0).OrderByDescending(f => f.Value.Length).ToArray();
        var template = new StringBuilder(message.Length + 16);
        var at = 0;
        while (at < message.Length)
        {
            var placed = false;
            if (at == 0 || !char.IsLetterOrDigit(message[at - 1]))
            {
                foreach (var (name, value) in candidates)
                {
                    var end = at + value.Length;
                    if (end <= message.Length && string.CompareOrdinal(message, at, value, 0, value.Length) == 0
                        && (end == message.Length || !char.IsLetterOrDigit(message[end])))
                    {
                        template.Append('{').Append(name).Append('}');
                        at = end;
                        placed = true;
                        break;
                    }
                }
            }

            if (!placed)
            {
                var c = message[at++];
                template.Append(c);
                if (c is '{' or '}')
                {
                    template.Append(c);
                }
            }
        }

        return template.ToString();
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
