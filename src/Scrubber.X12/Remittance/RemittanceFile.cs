using System.Collections.Immutable;

namespace Scrubber.X12.Remittance;

/// <summary>The 835 transaction sets of one file, in file order.</summary>
public sealed record RemittanceFile(ImmutableArray<Remittance> Transactions)
{
    /// <summary>The claims of every transaction, in file order.</summary>
    public IEnumerable<ClaimPayment> Claims => Transactions.SelectMany(t => t.Claims);

    /// <summary>What the reader and parser accepted but found odd, in file order.</summary>
    public ImmutableArray<X12Warning> Warnings { get; init; } = [];
}
