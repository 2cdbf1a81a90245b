using System.Collections.Frozen;
using System.Collections.Immutable;
using Scrubber.Core.Claims;
using Scrubber.Core.CodeSets;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs.Documents;
using Scrubber.Core.Pfs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Core.Packs;

/// <summary>A validated, compiled and warmed payer pack. Immutable: a change to the pack builds a new one.</summary>
public sealed class CompiledPack
{
    private readonly FrozenDictionary<HcpcsCode, ImmutableArray<CompiledRule>> _rulesByCode;
    private readonly ImmutableArray<CompiledRule> _rulesByRangeOrAny;
    private readonly FrozenDictionary<string, string> _ruleSources;

    internal CompiledPack(
        PackDocument document,
        string folder,
        string version,
        ModifierPolicy modifiers,
        FrozenDictionary<ulong, Severity> pairSeverities,
        ImmutableArray<CompiledRule> rules)
    {
        Id = document.Id;
        Name = document.Name ?? document.Id;
        Folder = folder;
        Version = version;
        Payers = [.. document.Payers];
        NcciTable = document.NcciTable ?? NcciTableChoice.ClaimSetting;
        NcciProgram = document.NcciProgram ?? NcciProgram.Medicare;
        Modifiers = modifiers;
        IndicatorOneSeverity = document.Severity?.NcciIndicatorOne is { } one ? PackCompiler.ToSeverity(one) : null;
        GlobalPeriodSeverity = document.Severity?.GlobalPeriod is { } global ? PackCompiler.ToSeverity(global) : Severity.HardStop;
        PairSeverities = pairSeverities;
        Rules = rules;
        Source = $"{Id}@{Version}";
        _ruleSources = rules.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToFrozenDictionary(n => n, n => $"{Source}/{n}", StringComparer.Ordinal);

        // Index rules by the exact codes they run on, so a claim evaluates only the rules its codes can trigger.
        _rulesByCode = rules.Where(r => r.Scope != RuleScope.Claim)
            .SelectMany(r => r.Codes.Exact.Select(code => (code, r)))
            .GroupBy(x => x.code, x => x.r)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        _rulesByRangeOrAny = [.. rules.Where(r => r.Scope != RuleScope.Claim && (r.Codes.MatchesEverything || !r.Codes.Ranges.IsEmpty))];
        ReadsHistory = rules.Any(r => r.ReadsHistory);
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>The folder the pack was loaded from.</summary>
    public string Folder { get; }

    /// <summary>A content hash of the pack's files: any change makes a new version.</summary>
    public string Version { get; }

    /// <summary>How edits name the pack: <c>id@version</c>.</summary>
    /// <summary>id@version, named on every edit the pack raises.</summary>
    public string Source { get; }

    /// <summary>What an edit a rule raises names as its source: <c>id@version/rule</c>.</summary>
    internal string SourceOf(CompiledRule rule) => _ruleSources.GetValueOrDefault(rule.Name) ?? $"{Source}/{rule.Name}";

    public ImmutableArray<string> Payers { get; }

    public NcciTableChoice NcciTable { get; }

    /// <summary>Whose NCCI tables the pack's claims are edited with, PTP and MUE alike.</summary>
    public NcciProgram NcciProgram { get; }

    public ImmutableArray<string> RuleNames => [.. Rules.Select(r => r.Name)];

    /// <summary>Whether a rule reads the patient's sent history (<c>TimesBilled</c>, <c>UnitsBilledOn</c>,
    /// <c>LastBilled</c>): a scrub then reads the history of the <see cref="HistoryLookBackDays"/> before the claim's
    /// dates, once, instead of the claim's dates alone.</summary>
    public bool ReadsHistory { get; }

    /// <summary>How many days before the claim's earliest date of service the scrub reads history for: <see cref="PackHistory.LookBackDays"/>
    /// when a rule reads history, else 0 (the claim's own dates).</summary>
    public int HistoryLookBackDays => ReadsHistory ? PackHistory.LookBackDays : 0;

    /// <summary>What scrubbing the worst claim with this pack costs (see rules/README.md), checked against
    /// <see cref="PackLimits.MaxEvaluationCost"/> when it loaded.</summary>
    public long EvaluationCost { get; internal init; }

    /// <summary>The payer's primaries for CMS type 2 and type 3 add-on codes (<c>addOnPrimaries</c>): add-on code →
    /// the code set of primaries the payer accepts beside those the CMS file lists.</summary>
    public IReadOnlyDictionary<HcpcsCode, CodeSet> AddOnPrimaries { get; internal init; } = FrozenDictionary<HcpcsCode, CodeSet>.Empty;

    /// <summary>The payer's global periods for carrier-priced (YYY) codes (<c>globalDays</c>).</summary>
    public IReadOnlyDictionary<HcpcsCode, GlobalDays> CarrierGlobalDays { get; internal init; } = FrozenDictionary<HcpcsCode, GlobalDays>.Empty;

    /// <summary>Severity of GLOBAL_PERIOD for this payer (<c>severity.globalPeriod</c>); a hard stop when omitted.</summary>
    public Severity GlobalPeriodSeverity { get; }

    /// <summary>What the pack may mean other than it says, found when it loaded; <c>scrubctl rules lint</c> prints
    /// them. The pack is still valid.</summary>
    public ImmutableArray<PackError> Warnings { get; internal init; } = [];

    /// <summary>The pack's examples, validated; set once they have passed.</summary>
    public ImmutableArray<PackExample> Examples { get; internal set; } = [];

    internal ModifierPolicy Modifiers { get; }

    internal Severity? IndicatorOneSeverity { get; }

    internal FrozenDictionary<ulong, Severity> PairSeverities { get; }

    internal ImmutableArray<CompiledRule> Rules { get; }

    /// <summary>The NCCI policy for this payer: the service settings with the pack's overrides.</summary>
    public ScrubPolicy PolicyFor(ScrubOptions options) =>
        new(Modifiers, IndicatorOneSeverity ?? options.IndicatorOneSeverity, PairSeverities, Source)
        {
            GlobalPeriodSeverity = GlobalPeriodSeverity,
            CarrierGlobalDays = CarrierGlobalDays,
        };

    /// <summary>Why the pack cannot scrub with <paramref name="ncci"/>, naming the setting of the PTP table it needs,
    /// or null when it can: a pack that edits with a table must have one of its program loaded, since the other
    /// program's table never stands in for it (domain.md §1.5).</summary>
    /// <remarks>With <c>ncciTable: claimSetting</c> one table of the program is enough, as for packs without a program:
    /// a claim of the other setting is then refused, naming the setting, when it comes.</remarks>
    public string? MissingTable(NcciSnapshot ncci)
    {
        ArgumentNullException.ThrowIfNull(ncci);
        var kinds = NcciTable switch
        {
            NcciTableChoice.None => [],
            NcciTableChoice.Practitioner => [NcciTableKind.Practitioner],
            NcciTableChoice.OutpatientHospital => [NcciTableKind.OutpatientHospital],
            _ => new[] { NcciTableKind.Practitioner, NcciTableKind.OutpatientHospital },
        };
        return kinds.Length == 0 || kinds.Any(kind => ncci.For(NcciProgram, kind) is not null)
            ? null
            : $"the pack edits with the {string.Join(" or ", kinds.Select(k => NcciSettingNames.Describe(NcciProgram, k)))} PTP table " +
              $"({string.Join(" or ", kinds.Select(k => NcciSettingNames.Ptp(NcciProgram, k)))}), and none is loaded";
    }

    /// <summary>The line and pair rules a line with <paramref name="code"/> can trigger.</summary>
    internal IEnumerable<CompiledRule> RulesFor(HcpcsCode code)
    {
        if (_rulesByCode.TryGetValue(code, out var exact))
        {
            foreach (var rule in exact)
            {
                yield return rule;
            }
        }

        foreach (var rule in _rulesByRangeOrAny)
        {
            if (!rule.Codes.Exact.Contains(code) && rule.Codes.Matches(code))
            {
                yield return rule;
            }
        }
    }
}
