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
}
