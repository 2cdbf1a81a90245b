using System.Text.Json;
using Scrubber.Core.Packs.Documents;

namespace Scrubber.Core.Packs;

/// <summary>Writes pack entries in the exact JSON rule authors write, so a proposed rule can be pasted into a pack.</summary>
public static class PackFormat
{
    private static readonly JsonSerializerOptions Indented = new(PackJson.Options) { WriteIndented = true };

    public static string Write(RuleDocument rule) => JsonSerializer.Serialize(rule, Indented);
}
