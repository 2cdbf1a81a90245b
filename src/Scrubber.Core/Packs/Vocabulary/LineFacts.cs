using System.Collections.Immutable;
using Scrubber.Core.Claims;
using Scrubber.Core.CodeSets;

namespace Scrubber.Core.Packs.Vocabulary;

/// <summary>What a rule expression sees of one claim line, as <c>line</c> (the line an edit is about) or <c>other</c>
/// (the other line of a pair). Every member is documented in rules/README.md; nothing else is reachable.</summary>
public sealed class LineFacts
{
    private readonly ClaimLine _line;
    private readonly SentLines _sent;
    private ImmutableArray<LineFacts> _sameDay = [];
    private ImmutableArray<LineFacts> _claimLines = [];

    internal LineFacts(ClaimLine line, string provider, int? patientAge, SentLines sent)
    {
        _line = line;
        _sent = sent;
        Provider = provider;
        PatientAge = patientAge;
        Modifiers = [.. line.Modifiers];
        Diagnoses = [.. line.DiagnosisCodes];
        Code = line.Code.ToString();
    }

    /// <summary>The line's id (REF*6R).</summary>
    public string LineId => _line.LineId;

    /// <summary>The procedure code, e.g. "93000".</summary>
    public string Code { get; }

    /// <summary>The modifiers, in 837 order.</summary>
    public string[] Modifiers { get; }

    /// <summary>The date of service.</summary>
    public DateTime ServiceDate => _line.ServiceDate.ToDateTime(TimeOnly.MinValue);

    /// <summary>The NPI the line pairs under: the rendering NPI, or the billing NPI when the line has none.</summary>
    public string Provider { get; }

    /// <summary>The rendering NPI as sent (empty when the billing provider rendered it).</summary>
    public string RenderingNpi => _line.RenderingProviderNpi;

    /// <summary>Service units.</summary>
    public double Units => _line.Units;

    /// <summary>The line charge in dollars.</summary>
    public decimal Charge => _line.Charge;

    /// <summary>The line's ICD-10-CM codes, upper case without the dot: those its diagnosis pointers point to in the
    /// claim's list, else its own.</summary>
    public string[] Diagnoses { get; }

    /// <summary>The same list as <see cref="Diagnoses"/>, by the name rules used before pointers existed.</summary>
    public string[] DiagnosisCodes => Diagnoses;

    /// <summary>The patient's age in whole years on the line's date of service; null when the claim has no birth date.</summary>
    public int? PatientAge { get; }

    /// <summary>The line's two-digit place of service (its own, else the claim's); empty when neither was sent.</summary>
    public string PlaceOfService => _line.PlaceOfService;

    /// <summary>The rendering provider's taxonomy code (the line's, else the claim's); empty when neither was sent.</summary>
    public string Taxonomy => _line.RenderingProviderTaxonomy;

    /// <summary>Whether the code is an evaluation and management service (99202–99499 and the HCPCS E/M visits).</summary>
    public bool IsEm => _line.Code.IsEvaluationAndManagement;

    /// <summary>Whether another line of the claim, same date of service and provider, is an E/M service.</summary>
    public bool SameDayHasEm => _sameDay.Any(l => l.IsEm);

    /// <summary>Whether the line carries <paramref name="modifier"/>, e.g. <c>line.HasModifier("25")</c>.</summary>
    public bool HasModifier(string modifier) => _line.HasModifier(Normalize(modifier));

    /// <summary>Whether the line carries any of the modifiers listed, separated by spaces or commas: <c>line.HasAnyModifier("XE XS XP XU 59")</c>.</summary>
    public bool HasAnyModifier(string modifiers) => CodeList.Split(modifiers).Any(m => _line.HasModifier(m));

    /// <summary>Whether the code is one of those listed: <c>line.CodeIn("90833 90836 90838")</c>.</summary>
    public bool CodeIn(string codes) => CodeList.Contains(codes, _line.Code);

    /// <summary>Whether the code lies between two codes inclusive: <c>line.CodeInRange("99202", "99215")</c>.</summary>
    public bool CodeInRange(string low, string high) => CodeList.InRange(_line.Code, low, high);

    /// <summary>Whether the code is in a named code set of rules/codesets: <c>line.InSet("em-25-eligible")</c>.</summary>
    public bool InSet(string name) => CodeSetCatalog.Default.TryGet(name, out var set) && set.Contains(_line.Code);

    /// <summary>Whether another line, same date of service and provider, has a code in a named code set.</summary>
    public bool SameDayHasCodeInSet(string name) => _sameDay.Any(l => l.InSet(name));

    /// <summary>Whether another line, same date of service and provider, has one of the codes listed.</summary>
    public bool SameDayHasCode(string codes) => _sameDay.Any(l => l.CodeIn(codes));

    /// <summary>Whether another line, same date of service and provider, has a code between two codes inclusive.</summary>
    public bool SameDayHasCodeInRange(string low, string high) => _sameDay.Any(l => l.CodeInRange(low, high));

    /// <summary>Whether another line of the claim, the same date of service but another provider, has one of the codes listed.</summary>
    public bool OtherProviderSameDayHasCode(string codes) =>
        _claimLines.Any(l => l.Line.ServiceDate == _line.ServiceDate && !string.Equals(l.Provider, Provider, StringComparison.Ordinal) && l.CodeIn(codes));

    /// <summary>Whether any diagnosis starts with one of the prefixes listed: <c>line.HasDiagnosisStartingWith("F32 F33")</c>.
    /// A prefix is compared without its dot, as the codes are kept.</summary>
    public bool HasDiagnosisStartingWith(string prefixes) =>
        CodeList.Split(prefixes).Any(p => Diagnoses.Any(d => d.StartsWith(p.Replace(".", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));

    /// <summary>How many lines with one of the codes listed the patient's sent claims hold from <paramref name="days"/>
    /// (at most 366) days before this line's date of service to that date: <c>line.TimesBilled("G0438 G0439", 365) &gt; 0</c>.</summary>
    public int TimesBilled(string codes, int days) => _sent.TimesBilled(codes, _line.ServiceDate, days);

    /// <summary>The units of the codes listed on the patient's sent claims on <paramref name="date"/>:
    /// <c>line.UnitsBilledOn("90837", line.ServiceDate) &gt; 0</c>.</summary>
    public double UnitsBilledOn(string codes, DateTime date) => _sent.UnitsBilledOn(codes, DateOnly.FromDateTime(date));

    /// <summary>The latest date of service, on or before this line's, of one of the codes listed on the patient's sent
    /// claims; null when none is in the history read (366 days before the claim's first date of service).</summary>
    public DateTime? LastBilled(string codes) => _sent.LastBilled(codes, _line.ServiceDate)?.ToDateTime(TimeOnly.MinValue);

    internal ClaimLine Line => _line;

    /// <summary>The other lines of the claim with the same date of service and provider; set once the claim's lines are built.</summary>
    internal ImmutableArray<LineFacts> SameDayLines
    {
        get => _sameDay;
        set => _sameDay = value;
    }

    /// <summary>Every line of the claim, this one included; set once the claim's lines are built.</summary>
    internal ImmutableArray<LineFacts> ClaimLines
    {
        get => _claimLines;
        set => _claimLines = value;
    }

    private static string Normalize(string modifier) => modifier.Trim().ToUpperInvariant();
}
