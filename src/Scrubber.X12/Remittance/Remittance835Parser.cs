using System.Collections.Immutable;
using Scrubber.X12.Internal;
using Scrubber.X12.Remittance.Internal;

namespace Scrubber.X12.Remittance;

/// <summary>Parses the 835 transaction sets of an X12 document (4010 or 5010) into typed remittance records.</summary>
public static class Remittance835Parser
{
    /// <summary>Reads <paramref name="content"/> as X12, leniently, then parses it.</summary>
    /// <exception cref="X12FormatException">The bytes are not X12, hold a non-835 transaction, or a value is malformed
    /// or out of bounds; the message names the segment, element and byte offset.</exception>
    public static RemittanceFile Read(byte[] content) => Read(content, RemittanceOptions.Default);

    /// <summary>Reads <paramref name="content"/> as X12 with the given options, then parses it.</summary>
    /// <exception cref="X12FormatException">The bytes are not X12, hold a non-835 transaction, or a value is malformed
    /// or out of bounds; the message names the segment, element and byte offset.</exception>
    public static RemittanceFile Read(byte[] content, RemittanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Parse(X12Reader.Read(content, new X12ReaderOptions { Strict = options.Strict }), options);
    }

    /// <summary>Parses every transaction of <paramref name="document"/>; each must be an 835.</summary>
    /// <exception cref="X12FormatException">A transaction is not an 835, or a required value is malformed.</exception>
    public static RemittanceFile Parse(X12Document document) => Parse(document, RemittanceOptions.Default);

    /// <summary>Parses every transaction of <paramref name="document"/> with the given options; each must be an 835.</summary>
    /// <exception cref="X12FormatException">A transaction is not an 835, or a required value is malformed.</exception>
    public static RemittanceFile Parse(X12Document document, RemittanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var context = new ParseContext(options, new ReadWarnings(options.Strict));
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

            transactions.Add(TransactionParser.Parse(transaction, context));
        }

        return new RemittanceFile(transactions.DrainToImmutable())
        {
            Warnings = [.. document.Warnings.Concat(context.Warnings.ToImmutable()).OrderBy(w => w.ByteOffset)],
        };
    }
}
