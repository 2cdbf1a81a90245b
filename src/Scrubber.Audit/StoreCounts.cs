using System.Data.Common;

namespace Scrubber.Audit;

/// <summary>Row counts of the store: what it holds, for operators and for tools that must not write into a store
/// that holds data.</summary>
public sealed record StoreCounts(long Scrubs, long Claims, long ConfirmedClaims, long RemittanceFiles, long RemittanceClaims, long RemittanceLines, long Resolutions)
{
    /// <summary>Whether the store holds anything at all.</summary>
    public bool IsEmpty => Scrubs == 0 && RemittanceFiles == 0 && Resolutions == 0;

    internal static StoreCounts Read(DbConnection connection)
    {
        using var command = Schema.Sql.Command(connection, null, """
            SELECT (SELECT COUNT(*) FROM scrub_records), (SELECT COUNT(DISTINCT claim_id) FROM scrub_records),
                   (SELECT COUNT(*) FROM claim_submissions WHERE confirmed_at IS NOT NULL), (SELECT COUNT(*) FROM remittance_files WHERE published = 1),
                   (SELECT COUNT(*) FROM remit_claims c JOIN remittance_files f ON f.file_id = c.file_id WHERE f.published = 1),
                   (SELECT COUNT(*) FROM remit_lines l JOIN remit_claims c ON c.remit_claim_id = l.remit_claim_id
                    JOIN remittance_files f ON f.file_id = c.file_id WHERE f.published = 1),
                   (SELECT COUNT(*) FROM resolutions)
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
    }
}
