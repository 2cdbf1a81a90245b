namespace Scrubber.Core.Claims;

/// <summary>The patient's sex as the 837P carries it (DMG03). PHI: read by pack rules only, never stored or logged.</summary>
public enum PatientSex
{
    /// <summary>Not sent.</summary>
    Unspecified,

    /// <summary>F.</summary>
    Female,

    /// <summary>M.</summary>
    Male,

    /// <summary>U: sent as unknown.</summary>
    Unknown,
}
