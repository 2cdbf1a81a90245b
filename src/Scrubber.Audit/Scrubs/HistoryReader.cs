using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Data.Common;
using Scrubber.Audit.Schema;
using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Audit.Scrubs;

/// <summary>Reads the lines sent for a patient in a window of days from <c>sent_lines</c>, through an index on patient and
/// date: the cost follows the lines read, never how many times a claim was scrubbed. Every scrub reads it, so each
/// read connection keeps the statement prepared and goes back to a small pool.</summary>
internal sealed class HistoryReader(AuditDatabase database) : IDisposable
{
    private const string Sql = """
        SELECT claim_id, billing_npi, line_id, code, modifiers, service_date, rendering_npi, charge_cents, units, taxonomy
        FROM sent_lines
        WHERE patient_key = @key AND service_date BETWEEN @from AND @to AND denied = 0 AND claim_id <> @claim AND claim_id <> @original
        """;

    private readonly ConcurrentBag<PreparedRead> _idle = [];

    public IReadOnlyList<PriorLine> Read(string patientKey, IReadOnlyList<string> excludedClaims, HistoryWindow window)
    {
        if (patientKey.Length == 0)
        {
            return [];
        }

        var read = _idle.TryTake(out var idle) ? idle : new PreparedRead(database);
        try
        {
            var command = read.Command;
            command.Parameters["@key"].Value = patientKey;
            command.Parameters["@from"].Value = Dates.Text(window.From);
            command.Parameters["@to"].Value = Dates.Text(window.To);
            command.Parameters["@claim"].Value = excludedClaims[0];
            command.Parameters["@original"].Value = excludedClaims.Count > 1 ? excludedClaims[1] : excludedClaims[0];
            var lines = new List<PriorLine>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var date = Dates.Day(reader.GetString(5));
                    if (!HcpcsCode.TryParse(reader.GetString(3), out var code))
                    {
                        continue;
                    }

                    ImmutableArray<string> modifiers = [.. reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                    var line = new ClaimLine(reader.GetString(2), code, modifiers, date, reader.GetString(6), Money.ToDollars(reader.GetInt64(7)), reader.GetDouble(8), [])
                    {
                        RenderingProviderTaxonomy = reader.GetString(9),
                    };
                    lines.Add(new PriorLine(reader.GetString(0), reader.GetString(1), line));
                }
            }

            // Only a connection whose reader is closed goes back: another scrub may take it at once.
            _idle.Add(read);
            read = null;
            return lines;
        }
        finally
        {
            // A read that failed leaves its connection in an unknown state: it is closed, not pooled.
            read?.Dispose();
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var read))
        {
            read.Dispose();
        }
    }

    /// <summary>A read connection with the history statement prepared on it.</summary>
    private sealed class PreparedRead : IDisposable
    {
        public PreparedRead(AuditDatabase database)
        {
            Connection = database.ConnectForRead();
            Command = Connection.CreateCommand();
            Command.CommandText = Sql;
            foreach (var name in (string[])["@key", "@from", "@to", "@claim", "@original"])
            {
                var parameter = Command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = string.Empty;
                Command.Parameters.Add(parameter);
            }

            Command.Prepare();
        }

        public DbConnection Connection { get; }

        public DbCommand Command { get; }

        public void Dispose()
        {
            Command.Dispose();
            Connection.Dispose();
        }
    }
}
