namespace Scrubber.Core.Scrubbing;

/// <summary>What the coder or PM system should do about an edit, without parsing its message. The numbers are the
/// API's (<c>RecommendedAction</c> in scrubber.proto).</summary>
public enum RecommendedAction
{
    /// <summary>A modifier may bypass the edit when the record supports it: see the suggested modifiers.</summary>
    AddModifier = 1,

    /// <summary>The service cannot be billed as it stands: remove or recode the line.</summary>
    RemoveLine = 2,

    /// <summary>A modifier is on the wrong line, invalid for the code, or contradicts the claim.</summary>
    CorrectModifier = 3,

    /// <summary>Send a replacement (frequency 7) of the earlier claim carrying both services.</summary>
    ReplaceEarlierClaim = 4,

    /// <summary>Nothing to change now; keep the record that supports it (a bypass, a note).</summary>
    KeepDocumentation = 5,

    /// <summary>Split the units across lines or reduce them.</summary>
    AdjustUnits = 6,

    /// <summary>Bill the primary service the line depends on.</summary>
    AddPrimary = 7,

    /// <summary>A person decides: the facts the service has do not settle it.</summary>
    Review = 8,
}
