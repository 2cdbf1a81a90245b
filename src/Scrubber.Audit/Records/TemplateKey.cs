using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Scrubber.Audit.Records;

/// <summary>What an edit shares with every other edit of its kind: the version of the engine, the table or pack version
/// that raised it, its type and rule, and its message template. Stored once, named by a hash of its content, so every
/// replica names it alike without asking the database.</summary>
internal sealed record TemplateKey(string EngineVersion, string EditType, string Source, string Rule, string Text)
{
    public long Id { get; } = HashOf(EngineVersion, EditType, Source, Rule, Text);

    // Every scrub names a template per edit, and nearly all are ones seen before: the hash is taken once per template
    // in this process. Bounded, so a stream of one-off messages cannot grow it without end.
    private static readonly KnownKeys<(string, string, string, string, string), TemplateKey> Known = new(20_000);

    /// <summary>The key of these parts, from the templates already named in this process when it is one of them.</summary>
    public static TemplateKey For(string engineVersion, string editType, string source, string rule, string text) =>
        Known.Get((engineVersion, editType, source, rule, text), static p => new TemplateKey(p.Item1, p.Item2, p.Item3, p.Item4, p.Item5));

    internal static long HashOf(params ReadOnlySpan<string> parts)
    {
        var text = string.Join('\u001F', parts.ToArray());
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BitConverter.ToInt64(hash[..8]);
    }
}

/// <summary>The versions a scrub ran with: NCCI table versions and the payer pack, shared by every scrub between two
/// reloads; stored once, named by a hash of its content.</summary>
internal sealed record VersionsKey(string EngineVersion, string NcciVersions, string Pack)
{
    public long Id { get; } = TemplateKey.HashOf("versions", EngineVersion, NcciVersions, Pack);

    // Shared by every scrub between two reloads: one entry per reload.
    private static readonly KnownKeys<(string, string, string), VersionsKey> Known = new(1_000);

    /// <summary>The key of these versions, hashed once in this process.</summary>
    public static VersionsKey For(string engineVersion, string ncciVersions, string pack) =>
        Known.Get((engineVersion, ncciVersions, pack), static p => new VersionsKey(p.Item1, p.Item2, p.Item3));
}

/// <summary>Keys already hashed in this process, by their parts; emptied when full, so one-off parts cannot grow it
/// without end.</summary>
internal sealed class KnownKeys<TParts, TKey>(int capacity) where TParts : notnull
{
    private readonly ConcurrentDictionary<TParts, TKey> known = new();

    public TKey Get(TParts parts, Func<TParts, TKey> create)
    {
        if (known.TryGetValue(parts, out var key))
        {
            return key;
        }

        if (known.Count >= capacity)
        {
            known.Clear();
        }

        return known.GetOrAdd(parts, create);
    }
}
