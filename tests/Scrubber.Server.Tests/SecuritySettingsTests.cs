using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Scrubber.Server.Security;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Security settings: validated at start with the setting named, hashes only, the development key on loopback only.</summary>
public sealed partial class SecuritySettingsTests : IDisposable
{
    private const string DevelopmentKeyHash = "sha256:b23d194d5a4a6363d14c7d06c1d7494bc3f08034a0ebbbad1194d401755a99b0";

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    public static TheoryData<string[], string> BadSettings => new()
    {
        { ["--Security:ApiKeys:0:Scopes:1=scurb"], "Security:ApiKeys:0:Scopes:1: 'scurb' is not a scope (scrub, outcomes, reports, admin)." },
        { ["--Security:ApiKeys:0:Hash=sha256:abc"], "Security:ApiKeys:0:Hash: is not 'sha256:' and 64 hex digits" },
        { ["--Security:ApiKeys:0:Hash=c623b60073bb0c938de242c7abd4f0718f0d7b57f30e4c009014061844695ff3"], "Security:ApiKeys:0:Hash: is not 'sha256:' and 64 hex digits" },
        { [.. ApiKeySettings.Args(1, "no-scopes", "scr_second_key")], "Security:ApiKeys:1:Scopes: is empty" },
        { [.. ApiKeySettings.Args(1, "tests", "scr_second_key", "scrub")], "Security:ApiKeys:1:Name: 'tests' is used twice." },
        { [.. ApiKeySettings.Args(1, "again", RunningServer.ApiKey, "scrub")], "Security:ApiKeys:1:Hash: the same key is configured twice." },
        { ["--Security:ApiKeys:1:Hash=" + DevelopmentKeyHash, "--Security:ApiKeys:1:Scopes:0=admin"], "Security:ApiKeys:1:Name: is empty" },
        {
            ["--Security:ClientCertificates:0:Name=lab", "--Security:ClientCertificates:0:Thumbprint=AB:CD", "--Security:ClientCertificates:0:Scopes:0=scrub"],
            "Security:ClientCertificates:0:Thumbprint: is not a SHA-256 thumbprint"
        },
        { ["--Security:SignIn:MaxAttemptsPerMinute=0"], "Security:SignIn:MaxAttemptsPerMinute: is 0; give 1 to 1000 attempts a minute." },
        { ["--Security:SignIn:MaxAttemptsPerMinute=1001"], "Security:SignIn:MaxAttemptsPerMinute: is 1001; give 1 to 1000 attempts a minute." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_BadSecuritySetting_FailsNamingTheSetting(string[] settings, string message)
    {
        await using var app = ScrubberApp.Create([.. RunningServer.DefaultArgs, $"--Audit:Path={_data.File("a.db")}", .. settings]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_KeyPastedWhereItsHashBelongs_DoesNotEchoTheKey()
    {
        const string Pasted = "scr_pasted_in_place_of_its_hash_0123456789";
        await using var app = ScrubberApp.Create([.. RunningServer.DefaultArgs, $"--Audit:Path={_data.File("a.db")}", $"--Security:ApiKeys:0:Hash={Pasted}"]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Security:ApiKeys:0:Hash:", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Pasted, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoKeyAndNoCertificate_FailsSayingEveryCallWouldBeRefused()
    {
        await using var app = ScrubberApp.Create([.. RunningServer.DefaultArgs.Where(a => !a.StartsWith("--Security:", StringComparison.Ordinal)), $"--Audit:Path={_data.File("a.db")}"]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Security:ApiKeys: no API key or client certificate is configured", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kestrel:Endpoints:Grpc:Url", "http://0.0.0.0:0")]
    [InlineData("Kestrel:Endpoints:Grpc:Url", "http://[::]:0")]
    [InlineData("Kestrel:Endpoints:Grpc:Url", "http://*:0")]
    [InlineData("Kestrel:Endpoints:Grpc:Url", "http://+:0")]
    [InlineData("Kestrel:Endpoints:Grpc:Url", "http://192.168.1.20:0")]
    [InlineData("Kestrel:Endpoints:Web:Url", "http://scrubber.example.org:0")]
    public async Task Start_DevelopmentKeyWithAnEndpointBeyondLoopback_IsRefusedSayingWhich(string setting, string url)
    {
        await using var app = ScrubberApp.Create(
            [.. RunningServer.DefaultArgs, $"--Audit:Path={_data.File("a.db")}", .. DevelopmentKeyArgs, $"--{setting}={url}"]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains($"Security:ApiKeys:1: the development key is configured and {setting} is {url}, which is not loopback", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DevelopmentKeyOnLoopback_ServesCallsWithIt()
    {
        await using var server = await RunningServer.StartAsync([.. DevelopmentKeyArgs, $"--Kestrel:Endpoints:Web:Url=http://localhost:{RunningServer.FreePort()}", "--Kestrel:Endpoints:Grpc:Url=http://[::1]:0"]);
        using var channel = server.ChannelFor(DocumentedDevelopmentKey());

        var status = await new Admin.AdminClient(channel).GetStatusAsync(new GetStatusRequest());

        Assert.NotEmpty(status.NcciTables);
    }

    [Fact]
    public void DevelopmentKey_DocumentedInTheReadme_IsTheHashInTheDevelopmentSettings()
    {
        var key = DocumentedDevelopmentKey();
        var settings = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Scrubber.Server", "appsettings.Development.json"));

        Assert.Equal(DevelopmentKeyHash, ApiKeySettings.HashOf(key));
        Assert.Equal(DevelopmentKeyHash, DevelopmentKey.Hash);
        Assert.Contains($"\"Hash\": \"{DevelopmentKeyHash}\"", settings, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceTree_HoldsNoApiKeyItself_OnlyHashes()
    {
        string[] keys = [DocumentedDevelopmentKey(), RunningServer.ApiKey];
        var src = Path.Combine(RepositoryPaths.Root, "src");

        // Scrubber.Client is the calling side: it sends the documented development key when no key is given, as the
        // README says. What must never hold a key is the service's side: its code and its settings.
        var files = Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Intersect(["bin", "obj", "Scrubber.Client"]).Any())
            .ToList();

        Assert.Contains(files, f => f.EndsWith("appsettings.Development.json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.All(keys, key => Assert.False(text.Contains(key, StringComparison.Ordinal), $"{file} holds an API key; settings hold its hash"));
        }
    }

    private static string[] DevelopmentKeyArgs =>
        ["--Security:ApiKeys:1:Name=development", $"--Security:ApiKeys:1:Hash={DevelopmentKeyHash}", "--Security:ApiKeys:1:Scopes:0=admin"];

    /// <summary>The development key as the README prints it, so that the README and the settings cannot drift apart.</summary>
    private static string DocumentedDevelopmentKey()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        return DevelopmentKeyInReadme().Match(readme) is { Success: true } match
            ? match.Value
            : throw new InvalidOperationException("README.md does not print the development key (scr_dev_…).");
    }

    [GeneratedRegex("scr_dev_[A-Za-z0-9_-]+")]
    private static partial Regex DevelopmentKeyInReadme();
}
