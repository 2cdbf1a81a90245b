namespace Scrubber.Core.Packs;

/// <summary>The fixed input names rule expressions use; <see cref="PackCompiler.Arguments"/> binds them by scope.</summary>
internal static class RuleInputs
{
    public const string Line = "line";
    public const string Other = "other";
    public const string Claim = "claim";

    public static readonly string[] All = [Line, Other, Claim];
}
