namespace Scrubber.Cli;

/// <summary>The <c>--format</c> values commands accept.</summary>
internal static class OutputFormat
{
    public const string Table = "table";
    public const string Json = "json";
    public const string Csv = "csv";

    /// <summary>The format asked for, or the first allowed one when none was given.</summary>
    /// <exception cref="UsageException">The format is not one the command offers.</exception>
    public static string Parse(string? value, params string[] allowed) =>
        value is null ? allowed[0]
        : allowed.Contains(value, StringComparer.Ordinal) ? value
        : throw new UsageException($"--format must be {string.Join(" or ", allowed)}, not '{value}'.");
}
