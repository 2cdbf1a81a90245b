namespace Scrubber.Cli;

/// <summary>The <c>--format</c> values commands accept.</summary>
internal static class OutputFormat
{
    public const string Table = "table";
    public const string Json = "json";
    public const string Csv = "csv";
}
