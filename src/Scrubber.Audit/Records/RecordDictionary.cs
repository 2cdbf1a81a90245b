using System.Collections.Frozen;
using System.Data.Common;
using Scrubber.Audit.Schema;

namespace Scrubber.Audit.Records;

/// <summary>The versions and message templates that record bodies name by id. The writer stores each once (inside the
/// transaction of the first record that names it); readers keep what they have read and read again only for an id
/// they have not seen.</summary>
internal sealed class RecordDictionary
{
    private const string InsertVersions =
        "INSERT INTO record_versions (versions_id, engine_version, ncci_versions, pack) VALUES (@p0, @p1, @p2, @p3) ON CONFLICT (versions_id) DO NOTHING";

    private const string InsertTemplate =
        "INSERT INTO record_templates (template_id, engine_version, edit_type, source, rule, text) VALUES (@p0, @p1, @p2, @p3, @p4, @p5) " +
        "ON CONFLICT (template_id) DO NOTHING";

    // The writer's own: ids known to be committed, and those written in the transaction still open.
    private readonly HashSet<long> _committed = [];
    private readonly List<long> _pending = [];

    private volatile Snapshot _known = Snapshot.Empty;

    /// <summary>The engine version templates are kept under: the build of the scrubber that wrote the words.</summary>
    public static string EngineVersion { get; } =
        typeof(Core.Scrubbing.ClaimScrubber).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>Stores the versions and templates a record names that the store may not hold yet. Writer thread only.</summary>
    public void Store(DbConnection connection, DbTransaction transaction, PreparedStatements statements, VersionsKey versions, TemplateKey[] templates)
    {
        if (IsNew(versions.Id))
        {
            PreparedStatements.Run(statements.For(connection, transaction, InsertVersions, 4), versions.Id, versions.EngineVersion, versions.NcciVersions, versions.Pack);
        }

        foreach (var template in templates)
        {
            if (IsNew(template.Id))
            {
                PreparedStatements.Run(statements.For(connection, transaction, InsertTemplate, 6),
                    template.Id, template.EngineVersion, template.EditType, template.Source, template.Rule, template.Text);
            }
        }
    }

    /// <summary>The writer's transaction committed: what it stored is there for good.</summary>
    public void Committed()
    {
        _committed.UnionWith(_pending);
        _pending.Clear();
    }

    /// <summary>The writer's transaction rolled back: what it stored is gone.</summary>
    public void RolledBack() => _pending.Clear();

    /// <summary>Decodes a body, reading the dictionary again once when it names an id this process has not seen.</summary>
    public StoredScrub Decode(DbConnection connection, DbTransaction? transaction, string scrubId, string claimId, long scrubbedAtTicks, byte[] body)
    {
        try
        {
            return CompactRecord.Decode(scrubId, claimId, scrubbedAtTicks, body, _known);
        }
        catch (KeyNotFoundException)
        {
            _known = Snapshot.Read(connection, transaction);
            return CompactRecord.Decode(scrubId, claimId, scrubbedAtTicks, body, _known);
        }
    }

    private bool IsNew(long id)
    {
        if (_committed.Contains(id) || _pending.Contains(id))
        {
            return false;
        }

        _pending.Add(id);
        return true;
    }

    /// <summary>Versions and templates as read at one moment.</summary>
    internal sealed class Snapshot(FrozenDictionary<long, VersionsKey> versions, FrozenDictionary<long, TemplateKey> templates)
    {
        public static Snapshot Empty { get; } = new(FrozenDictionary<long, VersionsKey>.Empty, FrozenDictionary<long, TemplateKey>.Empty);

        /// <exception cref="KeyNotFoundException">Not read yet, or not in the store.</exception>
        public VersionsKey Versions(long id) => versions[id];

        /// <exception cref="KeyNotFoundException">Not read yet, or not in the store.</exception>
        public TemplateKey Template(long id) => templates[id];

        public static Snapshot Read(DbConnection connection, DbTransaction? transaction)
        {
            var versions = Sql.Rows(connection, transaction, "SELECT versions_id, engine_version, ncci_versions, pack FROM record_versions",
                r => (r.GetInt64(0), new VersionsKey(r.GetString(1), r.GetString(2), r.GetString(3))));
            var templates = Sql.Rows(connection, transaction, "SELECT template_id, engine_version, edit_type, source, rule, text FROM record_templates",
                r => (r.GetInt64(0), new TemplateKey(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5))));
            return new Snapshot(versions.ToFrozenDictionary(v => v.Item1, v => v.Item2), templates.ToFrozenDictionary(t => t.Item1, t => t.Item2));
        }
    }
}
