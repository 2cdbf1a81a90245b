using Scrubber.Core.Claims;

namespace Scrubber.Core.Scrubbing;

/// <summary>Which codes a modifier may go on: the rule behind <see cref="EditTypes.ModifierInvalid"/>, which advice
/// must keep as well, since a suggestion the claim then carries would draw that edit (NCCI Policy Manual ch. I §E;
/// domain.md §2.4, §9.3).</summary>
public static class ModifierValidity
{
    /// <summary>Whether <paramref name="modifier"/> is valid on <paramref name="code"/>: 25 and 57 on the
    /// <c>em-25-eligible</c> set (E/M and the general eye exams), 24 and 27 on E/M services, 59, the X modifiers, 91,
    /// 58, 78 and 79 on anything but an E/M (CMS: 59 is for non-E/M services); any other modifier anywhere.</summary>
    public static bool IsValidOn(string modifier, HcpcsCode code) => modifier switch
    {
        "25" or "57" => code.Takes25,
        "24" or "27" => code.IsEvaluationAndManagement,
        _ when IsProcedureOnly(modifier) => !code.IsEvaluationAndManagement,
        _ => true,
    };

    /// <summary>The code set a visit modifier is valid only inside (<c>em-25-eligible</c> for 25 and 57, <c>em</c>
    /// for 24 and 27), or null for a modifier not limited to visits.</summary>
    public static string? VisitSetOf(string modifier) => modifier switch
    {
        "25" or "57" => "em-25-eligible",
        "24" or "27" => "em",
        _ => null,
    };

    private static bool IsProcedureOnly(string modifier) =>
        Array.IndexOf(NcciModifiers.DistinctService, modifier) >= 0 || Array.IndexOf(NcciModifiers.PostoperativeProcedure, modifier) >= 0;
}
