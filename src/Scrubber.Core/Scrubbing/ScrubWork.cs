using Scrubber.Core.Claims;
using Scrubber.Core.Packs;

namespace Scrubber.Core.Scrubbing;

/// <summary>What one scrub has found so far, carried from the NCCI phases to the pack's rules, which may run later
/// (after the claim waited for its costly pack's gate).</summary>
internal sealed class ScrubWork(Claim claim, IReadOnlyList<PriorLine>? history)
{
    public List<Edit> Edits { get; } = [];

    /// <summary>The NCCI versions the claim was edited with.</summary>
    public List<string> Versions { get; } = new(1);

    public List<RuleFault> Faults { get; } = [];

    /// <summary>Lines whose units could not be checked against an MUE.</summary>
    public List<string> NotEvaluated { get; } = [];

    public void EvaluatePack(CompiledPack pack, ProviderScope scope, PackBudget budget, IList<RuleTrace>? trace, CancellationToken cancellationToken) =>
        PackRuleEvaluator.Evaluate(pack, claim, history, scope, new PackRuleEvaluator.Outputs(Edits, Faults, trace), budget, cancellationToken);

    public ScrubResult Result(CompiledPack? pack) =>
        new(ScrubResult.DispositionOf(Edits), [.. Edits.Select(WithClaim)], [.. Versions])
        {
            Pack = pack?.Source,
            RuleFaults = [.. Faults],
            UnitsNotEvaluated = [.. NotEvaluated],
        };

    /// <summary>Names the scrubbed claim on suggestions made without the context that names it (a pack rule's).</summary>
    private Edit WithClaim(Edit edit) =>
        edit.SuggestedModifiers.All(s => s.ClaimId.Length > 0)
            ? edit
            : edit with { SuggestedModifiers = [.. edit.SuggestedModifiers.Select(s => s.ClaimId.Length > 0 ? s : s with { ClaimId = claim.ClaimId })] };
}
