namespace Scrubber.Core.Packs;

/// <summary>How long a payer pack's rules may run on one claim before the rest are skipped, and the clock that
/// measures it (tests step a fake one).</summary>
/// <param name="PerClaim">The budget (setting <c>Packs:MaxEvaluationMilliseconds</c>, default 50 ms), or
/// <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
/// <param name="Time">The clock; its timestamps measure the budget.</param>
public sealed record PackBudget(TimeSpan PerClaim, TimeProvider Time)
{
    /// <summary>No budget: every rule a claim triggers runs. For examples, lint and explain, which must not depend on
    /// how busy the machine is.</summary>
    public static PackBudget Unlimited { get; } = new(Timeout.InfiniteTimeSpan, TimeProvider.System);

    public bool IsLimited => PerClaim != Timeout.InfiniteTimeSpan;
}
