using System.Globalization;

namespace Scrubber.Cli;

/// <summary>One line per reader warning, the same for <c>remit inspect</c> (read here) and <c>remit ingest</c> (read by
/// the service).</summary>
internal static class WarningText
{
    public static string Line(string code, long byteOffset, string? segment, string message) =>
        string.Create(CultureInfo.InvariantCulture,
            $"warning {code} at byte {byteOffset}{(string.IsNullOrEmpty(segment) ? string.Empty : $" ({segment})")}: {message}");
}
