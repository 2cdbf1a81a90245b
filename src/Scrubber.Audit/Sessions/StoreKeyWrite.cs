using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Sessions;

/// <summary>Stores one data-protection key by name; a key is written once and never changes.</summary>
internal sealed class StoreKeyWrite(string name, string xml) : IWrite<bool>
{
    private const string Insert = "INSERT INTO data_protection_keys (name, xml) VALUES (@p0, @p1) ON CONFLICT (name) DO NOTHING";

    public bool Execute(DbConnection connection, DbTransaction transaction, PreparedStatements statements) =>
        PreparedStatements.Run(statements.For(connection, transaction, Insert, 2), name, xml) > 0;
}
