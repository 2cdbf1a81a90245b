using System.Collections.Immutable;

namespace Scrubber.Audit.Records;

/// <summary>A scrub as the store keeps it, with each edit's message rendered from the template it was sent with.</summary>
public sealed record StoredScrub(
    string ScrubId,
    DateTimeOffset ScrubbedAt,
    string ClaimId,
    string PayerId,
    string BillingNpi,
    string PatientKey,
    string Setting,
    string Disposition,
    string Frequency,
    string OriginalClaimId,
    string PayerClaimControlNumber,
    string NcciVersions,
    string Pack,
    ImmutableArray<StoredLine> Lines,
    ImmutableArray<StoredEdit> Edits);

/// <summary>A line of a stored scrub.</summary>
public sealed record StoredLine(string LineId, string Code, string Modifiers, DateOnly ServiceDate, string RenderingNpi, long ChargeCents, double Units)
{
    /// <summary>The rendering provider's taxonomy (the line's, else the claim's), for global surgery's group-and-specialty
    /// scope; empty when none was sent, and for records written before it was kept.</summary>
    public string Taxonomy { get; init; } = string.Empty;
}

/// <summary>An edit of a stored scrub; <see cref="Message"/> is rendered from the template of the version that raised it.</summary>
public sealed record StoredEdit(
    string EditType,
    string Severity,
    string LineId,
    string RelatedLineId,
    string RelatedClaimId,
    string Column1,
    string Column2,
    int? ModifierIndicator,
    string Source,
    string Rule,
    string BypassModifier,
    string Message)
{
    /// <summary>The fields a message template may name, by placeholder, in the order a record body keeps them.</summary>
    internal (string Name, string Value)[] Fields() => FieldsOf(LineId, RelatedLineId, RelatedClaimId, Column1, Column2, BypassModifier);

    internal static (string Name, string Value)[] FieldsOf(string lineId, string relatedLineId, string relatedClaimId, string column1,
        string column2, string bypassModifier) =>
        [("line", lineId), ("related_line", relatedLineId), ("related_claim", relatedClaimId), ("column1", column1), ("column2", column2), ("bypass", bypassModifier)];
}
