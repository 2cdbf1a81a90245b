using System.Text.Json.Serialization;

namespace Scrubber.Core.Packs.Documents;

/// <summary>A payer rule pack as written in <c>pack.json</c> (schema: rules/schema/pack.schema.json).</summary>
public sealed record PackDocument
{
    /// <summary>The schema reference editors use for completion; ignored otherwise.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>The pack id; the same as its folder name.</summary>
    public required string Id { get; init; }

    /// <summary>A name people read.</summary>
    public string? Name { get; init; }

    /// <summary>The payer ids whose claims the pack scrubs.</summary>
    public required IReadOnlyList<string> Payers { get; init; }

    /// <summary>The NCCI table under the pack; omitted means the one the claim's setting calls for.</summary>
    public NcciTableChoice? NcciTable { get; init; }

    /// <summary>Whose NCCI tables (PTP and MUE) sit under the pack: Medicare's (omitted) or Medicaid's.</summary>
    public Ncci.NcciProgram? NcciProgram { get; init; }

    /// <summary>Which distinct-service modifiers the payer takes.</summary>
    public ModifierPolicyDocument? Modifiers { get; init; }

    /// <summary>How severe NCCI edits are for this payer.</summary>
    public SeverityPolicyDocument? Severity { get; init; }

    /// <summary>The payer's own rules.</summary>
    public IReadOnlyList<RuleDocument> Rules { get; init; } = [];

    /// <summary>The payer's primaries for CMS type 2 and type 3 add-on codes: add-on code → the name of a code set in
    /// rules/codesets. CMS lists none (type 2) or only some (type 3) of their primaries and leaves the rest to the
    /// payer; an add-on code missing here is judged by the CMS file alone.</summary>
    public IReadOnlyDictionary<string, string>? AddOnPrimaries { get; init; }

    /// <summary>The payer's global surgery periods for codes CMS leaves to the contractor (GLOB DAYS YYY): code →
    /// "000", "010" or "090". Only YYY codes read it.</summary>
    public IReadOnlyDictionary<string, string>? GlobalDays { get; init; }
}

/// <summary>The NCCI table a pack sits on.</summary>
public enum NcciTableChoice
{
    /// <summary>The table the claim's setting calls for (the default).</summary>
    ClaimSetting,

    /// <summary>Always the practitioner table.</summary>
    Practitioner,

    /// <summary>Always the outpatient hospital table.</summary>
    OutpatientHospital,

    /// <summary>No NCCI edits: the payer's rules alone.</summary>
    None,
}

/// <summary>A payer's modifier policy.</summary>
public sealed record ModifierPolicyDocument
{
    /// <summary>Whether the payer accepts XE/XS/XP/XU. Default true.</summary>
    public bool AcceptsXModifiers { get; init; } = true;

    /// <summary>The X modifiers in the order to suggest them. Default XP, XS, XE, XU.</summary>
    public IReadOnlyList<string>? Preference { get; init; }

    /// <summary>Whether 59 used where an X modifier fits draws a warning. Default false.</summary>
    public bool PrefersXOver59 { get; init; }
}

/// <summary>A payer's severity policy for NCCI edits.</summary>
public sealed record SeverityPolicyDocument
{
    /// <summary>Severity of an unbypassed indicator-1 edit for this payer; omitted means the service setting.</summary>
    public EditSeverity? NcciIndicatorOne { get; init; }

    /// <summary>Severity of GLOBAL_PERIOD for this payer; omitted means a hard stop.</summary>
    public EditSeverity? GlobalPeriod { get; init; }

    /// <summary>Severities for specific column 1 / column 2 pairs.</summary>
    public IReadOnlyList<PairSeverityDocument> Pairs { get; init; } = [];
}

/// <summary>A severity for one NCCI pair.</summary>
public sealed record PairSeverityDocument
{
    public required string Column1 { get; init; }

    public required string Column2 { get; init; }

    public required EditSeverity Severity { get; init; }
}

/// <summary>Severities as rule authors write them.</summary>
public enum EditSeverity
{
    Info,
    Warning,
    HardStop,
}
