using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scrubber.Testing;

/// <summary>A content root of the test's own whose <c>appsettings.json</c> (the shipped one, with a <c>Security</c>
/// section added) the host reads, and the test edits as an operator would.</summary>
/// <remarks>The command line of every test server configures <see cref="RunningServer.ApiKey"/> as API key 0, and
/// command-line settings win, so the file holds that key first, the same, and the keys it is about after it.</remarks>
public sealed class SettingsFile : IDisposable
{
    private readonly TempDirectory _root = new();

    public SettingsFile(params (string Name, string Key, string[] Scopes)[] keys) => Write(keys);

    /// <summary>The file the host reads.</summary>
    public string Path => _root.File("appsettings.json");

    /// <summary><c>--contentRoot</c> for the host; with <paramref name="watch"/> false, the host reads the file only at
    /// start and when asked (<c>Admin.ReloadSecurity</c>), as with a source that cannot signal a change.</summary>
    public string[] Args(bool watch = true) =>
        watch ? [$"--contentRoot={_root.Path}"] : [$"--contentRoot={_root.Path}", "--hostBuilder:reloadConfigOnChange=false"];

    /// <summary>Replaces the file, whole (as an editor that saves by renaming does), with these keys after the test key,
    /// and these client certificates.</summary>
    public void Write((string Name, string Key, string[] Scopes)[] keys, (string Name, string Thumbprint, string[] Scopes)[]? certificates = null) =>
        WriteSecurity(new JsonObject
        {
            ["ApiKeys"] = new JsonArray([
                Key("tests", RunningServer.ApiKeyHash, ["scrub", "outcomes", "reports", "admin"]),
                .. keys.Select(k => Key(k.Name, ApiKeySettings.HashOf(k.Key), k.Scopes))]),
            ["ClientCertificates"] = new JsonArray([.. (certificates ?? []).Select(c => new JsonObject
            {
                ["Name"] = c.Name, ["Thumbprint"] = c.Thumbprint, ["Scopes"] = new JsonArray([.. c.Scopes.Select(s => JsonValue.Create(s))]),
            })]),
        });

    /// <summary>Replaces the file with this <c>Security</c> section, valid or not.</summary>
    public void WriteSecurity(JsonObject security)
    {
        var settings = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!.AsObject();
        settings["Security"] = security;
        var temporary = _root.File("appsettings.json.tmp");
        File.WriteAllText(temporary, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, Path, overwrite: true);
    }

    public void Dispose() => _root.Dispose();

    private static JsonObject Key(string name, string hash, string[] scopes) => new()
    {
        ["Name"] = name, ["Hash"] = hash, ["Scopes"] = new JsonArray([.. scopes.Select(s => JsonValue.Create(s))]),
    };
}
