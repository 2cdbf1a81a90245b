using System.Collections.Immutable;
using System.Globalization;
using Scrubber.Audit.Schema;
using Scrubber.Core.Claims;

namespace Scrubber.Audit.Scrubs;

/// <summary>Reads the lines already sent for a patient on given dates, from the sent scrub of every other claim.</summary>
internal static class HistoryQuery
{
    private const string Sql = """
        SELECT s.claim_id, s.billing_npi, l.line_id, l.code, l.modifiers, l.service_date, l.rendering_npi, l.charge_cents, l.units
        FROM scrubs s
        JOIN claim_submissions c ON c.claim_id = s.claim_id AND c.scrub_id = s.scrub_id
        JOIN scrub_lines l ON l.scrub_id = s.scrub_id
        WHERE s.patient_key = $key AND s.claim_id <> $claim AND l.service_date BETWEEN $from AND $to
        """;

    public static IReadOnlyList<PriorLine> Run(AuditDatabase database, string patientKey, string claimId, IReadOnlyCollection<DateOnly> dates)
    {
        if (patientKey.Length == 0 || dates.Count == 0)
        {
            return [];
        }

        using var connection = database.ConnectForRead();
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$key", patientKey);
        command.Parameters.AddWithValue("$claim", claimId);
        command.Parameters.AddWithValue("$from", Date(dates.Min()));
        command.Parameters.AddWithValue("$to", Date(dates.Max()));
        var lines = new List<PriorLine>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var date = DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!dates.Contains(date) || !HcpcsCode.TryParse(reader.GetString(3), out var code))
            {
                continue;
            }

            ImmutableArray<string> modifiers = [.. reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
            var line = new ClaimLine(reader.GetString(2), code, modifiers, date, reader.GetString(6), Money.ToDollars(reader.GetInt64(7)), reader.GetDouble(8), []);
            lines.Add(new PriorLine(reader.GetString(0), reader.GetString(1), line));
        }

        return lines;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
