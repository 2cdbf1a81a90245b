using System.Security.Cryptography;
using System.Text;

namespace Scrubber.Audit.Records;

/// <summary>What an edit shares with every other edit of its kind: the version of the engine, the table or pack version
/// that raised it, its type and rule, and its message template. Stored once, named by a hash of its content, so every
/// replica names it alike without asking the database.</summary>
internal sealed record TemplateKey(string EngineVersion, string EditType, string Source, string Rule, string Text)
{
    public long Id { get; } = HashOf(EngineVersion, EditType, Source, Rule, Text);

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
}
