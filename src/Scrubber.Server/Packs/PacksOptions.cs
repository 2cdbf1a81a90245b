using System.ComponentModel.DataAnnotations;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Server.Packs;

/// <summary>Where the payer rule packs live and how changes are picked up; the <c>Packs</c> section of the settings.</summary>
public sealed class PacksOptions
{
    public const string Section = "Packs";

    /// <summary>The key of a keyed <see cref="TimeProvider"/> service that, when registered, measures the evaluation
    /// budget instead of the host's clock: tests step one so that "over budget" is a fact of the test.</summary>
    public const string BudgetClockKey = "packs-budget";

    /// <summary>The folder of pack folders (each holding pack.json). Default <c>../../rules/packs</c>, relative to the content root.
    /// A missing folder means no packs: every claim gets NCCI alone.</summary>
    [Required]
    public string Root { get; set; } = "../../rules/packs";

    /// <summary>Whether to watch the folder and reload packs when files change. Default true.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long to wait after the last change before reloading, in milliseconds, so an editor's several
    /// writes make one reload. Default 500.</summary>
    [Range(0, 60_000)]
    public int DebounceMilliseconds { get; set; } = 500;

    /// <summary>How long a pack's rules may run on one claim, in milliseconds. Default 50. A claim over it gets a
    /// <c>PACK_BUDGET_EXCEEDED</c> warning naming the pack and the rule reached, and the rest of the pack's rules are
    /// skipped; the claim is still answered and recorded. Examples run without it.</summary>
    [Range(1, 60_000)]
    public int MaxEvaluationMilliseconds { get; set; } = 50;

    /// <summary>The highest computed cost of scrubbing one claim with a pack (see rules/README.md); a pack over it is
    /// refused when it loads. Default 1,000,000. Computed from the pack and <c>Scrub:MaxLinesPerClaim</c>, never timed.</summary>
    [Range(1, 1e15)]
    public long MaxEvaluationCost { get; set; } = PackLimits.Default.MaxEvaluationCost;

    /// <summary>The longest rule expression, in characters. Default 2,000, the pack schema's maxLength, which is also
    /// the most it may be.</summary>
    [Range(1, PackLimits.SchemaMaxExpressionLength)]
    public int MaxExpressionLength { get; set; } = PackLimits.Default.MaxExpressionLength;

    /// <summary>The most entries in a rule's codes or otherCodes, and items in a list an expression passes to a
    /// vocabulary method (HasAnyModifier, CodeIn, SameDayHasCode, HasCode, HasDiagnosisStartingWith). Default 100.</summary>
    [Range(1, 10_000)]
    public int MaxListItems { get; set; } = PackLimits.Default.MaxListItems;

    /// <summary>The computed cost above which a pack is costly: its claims' rules are evaluated through the pack's gate
    /// of <see cref="MaxConcurrentCostlyEvaluations"/> places, so they cannot hold every CPU while other payers' claims
    /// wait. Cheap packs are never gated. Default (unset) a tenth of <see cref="MaxEvaluationCost"/>.</summary>
    public long? CostlyPackCost { get; set; }

    /// <summary>How many claims of one costly pack have their rules evaluated at once; the others wait for a place,
    /// as long as their call's deadline allows. Default half the processors, at least 1.</summary>
    public int MaxConcurrentCostlyEvaluations { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>The most <see cref="MaxConcurrentCostlyEvaluations"/> may be.</summary>
    public const int MostConcurrentCostlyEvaluations = 4096;

    /// <summary>The cost above which a pack is costly, as set or by default.</summary>
    public long EffectiveCostlyPackCost => CostlyPackCost ?? MaxEvaluationCost / 10;

    /// <summary>The gate costly packs' claims go through.</summary>
    public PackEvaluationGate Gate() => new(EffectiveCostlyPackCost, MaxConcurrentCostlyEvaluations);

    /// <summary>The load-time limits, with the claim size the cost is computed for.</summary>
    public PackLimits Limits(ScrubOptions scrub) => new(MaxExpressionLength, MaxListItems, MaxEvaluationCost, scrub.MaxLinesPerClaim);

    /// <summary>The run-time budget, measured by <paramref name="time"/>.</summary>
    public PackBudget Budget(TimeProvider time) => new(TimeSpan.FromMilliseconds(MaxEvaluationMilliseconds), time);
}
