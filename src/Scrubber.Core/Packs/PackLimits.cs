namespace Scrubber.Core.Packs;

/// <summary>How much a pack may ask of the service, checked when it loads, so that the check is the same on every
/// machine: by size and by a computed cost, never by how long something took.</summary>
/// <param name="MaxExpressionLength">Longest rule expression, in characters (setting <c>Packs:MaxExpressionLength</c>,
/// default 2,000, the pack schema's <c>maxLength</c>).</param>
/// <param name="MaxListItems">Most entries in a rule's <c>codes</c> or <c>otherCodes</c>, and most items in a list an
/// expression passes to a vocabulary method such as <c>HasAnyModifier</c> (setting <c>Packs:MaxListItems</c>, default 100).</param>
/// <param name="MaxEvaluationCost">Highest cost of scrubbing one claim with the pack (setting <c>Packs:MaxEvaluationCost</c>,
/// default 1,000,000); see <see cref="Sandbox.PackCost"/>.</param>
/// <param name="MaxLinesPerClaim">Most lines a claim may have (setting <c>Scrub:MaxLinesPerClaim</c>, default 50): the
/// worst claim the cost is computed for.</param>
public sealed record PackLimits(int MaxExpressionLength, int MaxListItems, long MaxEvaluationCost, int MaxLinesPerClaim)
{
    /// <summary>The length the pack schema allows; a longer expression is refused by the schema first.</summary>
    public const int SchemaMaxExpressionLength = 2000;

    public static PackLimits Default { get; } = new(SchemaMaxExpressionLength, 100, 1_000_000, 50);
}
