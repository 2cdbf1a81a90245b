namespace Scrubber.Core.Scrubbing;

/// <summary>The phases of a scrub, between which a cancelled call stops; names for logs and metric tags.</summary>
public static class ScrubPhases
{
    /// <summary>Reading the patient's sent lines from the audit store.</summary>
    public const string History = "history";

    /// <summary>NCCI PTP pairs within the claim.</summary>
    public const string Ncci = "ncci";

    /// <summary>NCCI PTP pairs with lines already sent.</summary>
    public const string CrossClaim = "cross-claim";

    /// <summary>MUE units, on the claim and with lines already sent.</summary>
    public const string Mue = "mue";

    /// <summary>The payer pack's rules; checked before every rule.</summary>
    public const string Packs = "packs";

    /// <summary>Recording the scrub in the audit store.</summary>
    public const string Record = "record";
}
