namespace Scrubber.Core.Claims;

/// <summary>Where the service was billed from, which decides the NCCI table (domain.md §1.1).</summary>
public enum CareSetting
{
    /// <summary>Physician and non-physician practitioner claims (837P) and ASCs: the practitioner table (ccipra).</summary>
    Professional,

    /// <summary>Facility claims through the OPPS Outpatient Code Editor (837I): the outpatient hospital table (ccioph).</summary>
    OutpatientHospital,

    /// <summary>DME supplier claims: edited with the DME supplier MUE table only; NCCI has no PTP table for them.</summary>
    Dme,
}
