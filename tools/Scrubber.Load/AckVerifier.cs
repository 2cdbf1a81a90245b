using Microsoft.Data.Sqlite;

namespace Scrubber.Load;

/// <summary>Checks that every acknowledged scrub id is in the audit store.</summary>
internal static class AckVerifier
{
    public static int Run(string db, string acks)
    {
        var ids = File.ReadAllLines(acks).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM scrub_records WHERE scrub_id = $id";
        var parameter = command.Parameters.Add("$id", SqliteType.Text);
        var missing = ids.Where(id =>
        {
            parameter.Value = id;
            return command.ExecuteScalar() is null;
        }).ToList();

        Console.WriteLine($"acknowledged={ids.Count} found={ids.Count - missing.Count} missing={missing.Count}");
        foreach (var id in missing.Take(10))
        {
            Console.WriteLine($"missing {id}");
        }

        return missing.Count == 0 ? 0 : 1;
    }
}
