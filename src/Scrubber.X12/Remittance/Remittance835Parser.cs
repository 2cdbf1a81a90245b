using System.Collections.Immutable;
using Scrubber.X12.Remittance.Internal;

namespace Scrubber.X12.Remittance;

/// <summary>Parses the 835 transaction sets of an X12 document (4010 or 5010) into typed remittance records.</summary>
public static class Remittance835Parser
{
    /// <summary>Reads <paramref name="content"/> as X12 with every check on, then parses it.</summary>
    /// <exception cref="X12FormatException">The bytes are not X12, hold a non-835 transaction, or a value is malformed.</exception>
    public static RemittanceFile Read(byte[] content) => Parse(X12Reader.Read(content));

    /// <summary>Reads <paramref name="content"/> as X12 with the given checks, then parses it.</summary>
    /// <exception cref="X12FormatException">The bytes are not X12, hold a non-835 transaction, or a value is malformed.</exception>
    public static RemittanceFile Read(byte[] content, X12ReaderOptions options) => Parse(X12Reader.Read(content, options));

    /// <summary>Parses every transaction of <paramref name="document"/>; each must be an 835.</summary>
    /// <exception cref="X12FormatException">A transaction is not an 835, or a required value is malformed.</exception>
    public static RemittanceFile Parse(X12Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var transactions = ImmutableArray.CreateBuilder<Remittance>();
        foreach (var transaction in document.Transactions)
        {
            if (transaction.TransactionSetId != "835")
            {
                throw new X12FormatException(
                    $"transaction set {ElementValues.Clip(transaction.TransactionSetId)} at byte {transaction.ByteOffset} is not an 835 remittance",
                    transaction.ByteOffset,
                    "ST");
            }

            transactions.Add(TransactionParser.Parse(transaction));
        }

        return new RemittanceFile(transactions.DrainToImmutable());
    }
}
