using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Scrubber.Core.Claims;

namespace Scrubber.Benchmarks;

/// <summary>The baseline: the same PTP rows in an indexed SQLite table, looked up with a prepared statement, as
/// many scrubbers keep them. Only for comparison; the service never does this.</summary>
internal sealed class SqlitePtpTable : IDisposable
{
    private static readonly string[] ParameterNames = ["$c1", "$c2", "$e", "$d", "$i", "$r"];

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _find;
    private readonly SqliteParameter _column1;
    private readonly SqliteParameter _column2;
    private readonly SqliteParameter _date;

    public SqlitePtpTable(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        _connection.Open();
        _find = _connection.CreateCommand();
        _find.CommandText =
            "SELECT indicator, effective, deletion, rationale FROM ptp " +
            "WHERE column1 = $c1 AND column2 = $c2 AND effective <= $d AND deletion >= $d AND indicator <> 9 " +
            "ORDER BY indicator, effective DESC LIMIT 1";
        _column1 = _find.Parameters.Add("$c1", SqliteType.Text);
        _column2 = _find.Parameters.Add("$c2", SqliteType.Text);
        _date = _find.Parameters.Add("$d", SqliteType.Integer);
        _find.Prepare();
    }

    /// <summary>The row in force for the pair on the date, as <see cref="Core.Ncci.PtpTable.TryFind"/> answers it.</summary>
    public bool TryFind(string column1, string column2, int yyyymmdd, out int indicator)
    {
        _column1.Value = column1;
        _column2.Value = column2;
        _date.Value = yyyymmdd;
        using var reader = _find.ExecuteReader();
        if (!reader.Read())
        {
            indicator = -1;
            return false;
        }

        indicator = reader.GetInt32(0);
        _ = reader.GetString(3);
        return true;
    }

    /// <summary>The lookups a scrub of <paramref name="claim"/> makes: every ordered pair of lines of one date and
    /// provider. Returns the edits found.</summary>
    public int LookUpPairs(Claim claim)
    {
        var found = 0;
        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            for (var j = 0; j < lines.Length; j++)
            {
                if (i != j && lines[i].ServiceDate == lines[j].ServiceDate)
                {
                    var day = lines[i].ServiceDate;
                    var date = (day.Year * 10_000) + (day.Month * 100) + day.Day;
                    found += TryFind(lines[i].Code.ToString(), lines[j].Code.ToString(), date, out _) ? 1 : 0;
                }
            }
        }

        return found;
    }

    public void Dispose()
    {
        _find.Dispose();
        _connection.Dispose();
    }

    /// <summary>Loads the CMS text parts into a new database with an index on the pair.</summary>
    public static void Build(string path, IEnumerable<string> parts)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary);
        using (var connection = new SqliteConnection($"Data Source={temporary};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
            Execute(connection,
                "CREATE TABLE ptp (column1 TEXT NOT NULL, column2 TEXT NOT NULL, effective INTEGER NOT NULL, " +
                "deletion INTEGER NOT NULL, indicator INTEGER NOT NULL, rationale TEXT NOT NULL)");
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO ptp VALUES ($c1, $c2, $e, $d, $i, $r)";
            var cells = ParameterNames.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            foreach (var part in parts.Order(StringComparer.Ordinal))
            {
                foreach (var line in File.ReadLines(part, Encoding.Latin1).Skip(6))
                {
                    var row = line.Split('\t');
                    cells[0].Value = row[0];
                    cells[1].Value = row[1];
                    cells[2].Value = long.Parse(row[3], CultureInfo.InvariantCulture);
                    cells[3].Value = row[4] == "*" ? 99991231L : long.Parse(row[4], CultureInfo.InvariantCulture);
                    cells[4].Value = long.Parse(row[5], CultureInfo.InvariantCulture);
                    cells[5].Value = row[6];
                    insert.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            Execute(connection, "CREATE INDEX ptp_pair ON ptp (column1, column2)");
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
