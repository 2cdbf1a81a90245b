namespace Scrubber.Core.Mue;

/// <summary>The three Medicare MUE tables, one per kind of provider (domain.md §3).</summary>
public enum MueTableKind
{
    /// <summary>Practitioner services: professional claims (837P).</summary>
    Practitioner,

    /// <summary>Outpatient hospital services: facility claims (837I).</summary>
    OutpatientHospital,

    /// <summary>DME supplier services: durable medical equipment claims.</summary>
    Dme,
}
