namespace Scrubber.Core.Packs.Sandbox;

/// <summary>The outcome of checking one expression: accepted with what one evaluation costs, refused, or not compiling.</summary>
/// <param name="Problem">The error for the pack, starting "expression refused:" or "expression does not compile:"; null when accepted.</param>
/// <param name="Weight">What one evaluation costs on the worst claim (see <see cref="PackCost"/>); 0 unless accepted.</param>
/// <param name="Checked">The accepted tree, to compile; null unless accepted.</param>
internal sealed record SandboxVerdict(string? Problem, long Weight, CheckedExpression? Checked)
{
    /// <summary>Whether the accepted expression reads the patient's sent history.</summary>
    public bool ReadsHistory { get; init; }

    public static SandboxVerdict Accepted(long weight, CheckedExpression tree, bool readsHistory = false) => new(null, weight, tree) { ReadsHistory = readsHistory };

    public static SandboxVerdict Refused(string reason) => new($"expression refused: {reason}", 0, null);

    public static SandboxVerdict DoesNotCompile(string reason) => new($"expression does not compile: {reason}", 0, null);
}
