using System.Text;
using System.Text.Json;

namespace Scrubber.Cli;

/// <summary>Turns a JSON reader's error into the one line editors and CI logs understand: <c>FILE:LINE:COL: reason</c>,
/// both counted from 1, the column in characters.</summary>
internal static class JsonErrorLocation
{
    /// <summary>The syntax error in <paramref name="json"/>, located, or null when the text is well-formed JSON.</summary>
    public static string? FindSyntaxError(string path, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return null;
        }
        catch (JsonException ex)
        {
            return Format(path, json, ex);
        }
    }

    /// <summary><paramref name="ex"/>'s position and reason, without the reader's own position suffix.</summary>
    public static string Format(string path, string json, JsonException ex)
    {
        var line = (int)(ex.LineNumber ?? 0);
        var column = Column(json, line, ex.BytePositionInLine ?? 0);
        return $"{path}:{line + 1}:{column + 1}: {Reason(ex.Message)}";
    }

    // The reader counts bytes of UTF-8 within the line; an editor counts characters.
    private static long Column(string json, int line, long bytes)
    {
        var text = json.Split('\n').ElementAtOrDefault(line) ?? string.Empty;
        var utf8 = Encoding.UTF8.GetBytes(text);
        return Encoding.UTF8.GetCharCount(utf8, 0, (int)Math.Min(bytes, utf8.Length));
    }

    // System.Text.Json ends its messages with " Path: $.x | LineNumber: 0 | BytePositionInLine: 5."; the location is
    // already in front, and the JSON path stays useful when it goes deeper than the root.
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut >= 0 ? message[..cut] : message).TrimEnd(' ', '|');
        return reason.EndsWith(" Path: $", StringComparison.Ordinal) ? reason[..^" Path: $".Length].TrimEnd() : reason;
    }
}
