namespace Scrubber.Audit.Outcomes;

/// <summary>The claim adjustment reason codes that mark an NCCI-type denial (domain.md §6.2).</summary>
public static class DenialReasons
{
    /// <summary>CARC 97: the benefit is included in the payment for another service (the bundling denial).</summary>
    public const string Bundled = "97";

    /// <summary>CARC 236: the procedure or procedure/modifier combination is not compatible with another on the same day under NCCI.</summary>
    public const string NcciIncompatible = "236";

    /// <summary>CARC 151 (with RARC N362): units beyond what is medically likely (MUE).</summary>
    public const string UnitsExceeded = "151";

    public static bool IsNcciRelated(string reason) => reason is Bundled or NcciIncompatible or UnitsExceeded;
}
