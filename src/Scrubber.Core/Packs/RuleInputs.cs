using Scrubber.Core.Packs.Documents;

namespace Scrubber.Core.Packs;

/// <summary>The fixed input names rule expressions use, and which a scope binds.</summary>
internal static class RuleInputs
{
    public const string Line = "line";
    public const string Other = "other";
    public const string Claim = "claim";

    public static readonly string[] All = [Line, Other, Claim];

    private static readonly string[] LineScope = [Line, Claim];
    private static readonly string[] PairScope = [Line, Other, Claim];
    private static readonly string[] ClaimScope = [Claim];

    public static IReadOnlyCollection<string> Of(RuleScope scope) => scope switch
    {
        RuleScope.Line => LineScope,
        RuleScope.Pair => PairScope,
        _ => ClaimScope,
    };
}
