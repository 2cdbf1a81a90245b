using Scrubber.Core.Claims;

namespace Scrubber.Core.Scrubbing;

/// <summary>Which lines pair: the same date of service and the same provider (domain.md §2.1).</summary>
public static class LinePairing
{
    /// <summary>The provider a line pairs under: its rendering NPI, or the billing NPI when it has none or the scope is the billing NPI.</summary>
    public static string ProviderOf(Claim claim, ClaimLine line, ProviderScope scope) =>
        scope == ProviderScope.BillingNpi || line.RenderingProviderNpi.Length == 0 ? claim.BillingProviderNpi : line.RenderingProviderNpi;

    /// <summary>Whether two lines of <paramref name="claim"/> pair under <paramref name="scope"/>.</summary>
    public static bool Pair(Claim claim, ClaimLine a, ClaimLine b, ProviderScope scope) =>
        a.ServiceDate == b.ServiceDate && SameProvider(claim, a, b, scope);

    /// <summary>Whether a new claim's line pairs with a line already sent on an earlier claim.</summary>
    public static bool Pair(Claim claim, ClaimLine line, PriorLine prior, ProviderScope scope) =>
        line.ServiceDate == prior.Line.ServiceDate && SameProvider(claim, line, prior, scope);

    /// <summary>Whether two lines of <paramref name="claim"/> are the same provider's under <paramref name="scope"/>.</summary>
    public static bool SameProvider(Claim claim, ClaimLine a, ClaimLine b, ProviderScope scope) =>
        string.Equals(ProviderOf(claim, a, scope), ProviderOf(claim, b, scope), StringComparison.Ordinal);

    /// <summary>Whether a new claim's line and a line already sent are the same provider's under <paramref name="scope"/>.</summary>
    public static bool SameProvider(Claim claim, ClaimLine line, PriorLine prior, ProviderScope scope) =>
        string.Equals(ProviderOf(claim, line, scope), ProviderOf(prior, scope), StringComparison.Ordinal);

    /// <summary>The provider a line already sent pairs under.</summary>
    public static string ProviderOf(PriorLine prior, ProviderScope scope) =>
        scope == ProviderScope.BillingNpi || prior.Line.RenderingProviderNpi.Length == 0 ? prior.BillingProviderNpi : prior.Line.RenderingProviderNpi;
}
