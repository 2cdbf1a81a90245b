namespace Scrubber.Core.Packs.Documents;

/// <summary>An NCCI PTP row an example claim assumes, as the CMS file has it (schema: rules/schema/example.schema.json).</summary>
public sealed record AssumedRow
{
    public required string Column1 { get; init; }

    public required string Column2 { get; init; }

    /// <summary>0, 1 or 9.</summary>
    public required int Indicator { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    public required string Effective { get; init; }

    /// <summary>YYYY-MM-DD, the last day in force; null while the row is in force.</summary>
    public string? Deletion { get; init; }

    public string? Rationale { get; init; }
}
