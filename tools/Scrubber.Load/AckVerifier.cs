using Microsoft.Data.Sqlite;

namespace Scrubber.Load;

/// <summary>Checks that every acknowledged scrub id is in the audit store.</summary>
internal static class AckVerifier
{
    public static int Run(string[] args)
    {
        string? db = null, acks = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--db": db = args[i + 1]; break;
                case "--acks": acks = args[i + 1]; break;
            }
        }

        if (db is null || acks is null)
        {
            Console.Error.WriteLine("verify needs --db FILE and --acks FILE");
            return 2;
        }

        var ids = File.ReadAllLines(acks).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM scrubs WHERE scrub_id = $id";
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
