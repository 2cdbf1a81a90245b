using System.Text.Json.Nodes;

namespace Scrubber.Testing;

/// <summary>Copies the shipped sample packs to a temporary folder and edits them, as a rule author would.</summary>
public static class PackFiles
{
    /// <summary>Copies one shipped pack (pack.json and examples) under <paramref name="root"/>; returns its folder.</summary>
    public static string CopySample(string packId, string root)
    {
        var source = Path.Combine(RepositoryPaths.Packs, packId);
        var target = Path.Combine(root, packId);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    /// <summary>Copies every shipped pack under <paramref name="root"/>.</summary>
    public static void CopyAllSamples(string root)
    {
        foreach (var pack in Directory.GetDirectories(RepositoryPaths.Packs))
        {
            CopySample(Path.GetFileName(pack), root);
        }
    }

    /// <summary>Rewrites a pack's pack.json after <paramref name="edit"/> changes it.</summary>
    public static void Edit(string packFolder, Action<JsonObject> edit)
    {
        var path = Path.Combine(packFolder, "pack.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The first rule of a pack.json, for edits.</summary>
    public static JsonObject FirstRule(JsonObject pack) => pack["rules"]![0]!.AsObject();

    /// <summary>Damages a pack file as a failed copy, a wrong file or a runaway generator would: <c>truncated</c>,
    /// <c>binary</c>, <c>enormous</c> (2 MiB) or <c>empty</c>.</summary>
    public static void Damage(string packFile, string damage)
    {
        var original = File.ReadAllBytes(packFile);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(packFile, original[..(original.Length / 2)]);
                break;
            case "binary":
                var garbage = new byte[4096];
                new Random(11).NextBytes(garbage);
                File.WriteAllBytes(packFile, garbage);
                break;
            case "enormous":
                // Valid JSON, padded: refused for its size alone, before it is parsed.
                File.WriteAllText(packFile, System.Text.Encoding.UTF8.GetString(original).TrimEnd().TrimEnd('}') + new string(' ', 2 * 1024 * 1024) + "}");
                break;
            case "empty":
                File.WriteAllBytes(packFile, []);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }
}
