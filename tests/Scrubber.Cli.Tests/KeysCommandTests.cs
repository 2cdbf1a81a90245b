using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary><c>scrubctl keys new</c>: a key printed once, with settings lines the service accepts it by.</summary>
public sealed partial class KeysCommandTests
{
    [Fact]
    public async Task KeysNew_PrintsAKeyWhoseSha256IsThePrintedHash()
    {
        var run = await CliRun.RunAsync("keys", "new", "--scope", "scrub,outcomes", "--name", "pm-system");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var key = Assert.Single(PrintedKey().Matches(run.Out)).Value;
        var hashes = PrintedHash().Matches(run.Out).Select(m => m.Value).Distinct().ToList();
        Assert.Equal([ApiKeySettings.HashOf(key)], hashes);
        Assert.Contains($$"""{ "Name": "pm-system", "Hash": "{{hashes[0]}}", "Scopes": [ "scrub", "outcomes" ] }""", run.Out, StringComparison.Ordinal);
        Assert.Equal(
            ["Security__ApiKeys__0__Name=pm-system", $"Security__ApiKeys__0__Hash={hashes[0]}", "Security__ApiKeys__0__Scopes__0=scrub", "Security__ApiKeys__0__Scopes__1=outcomes"],
            EnvironmentLines(run.Out));
    }

    [Fact]
    public async Task KeysNew_TwoRuns_MakeTwoDifferentKeys()
    {
        var first = await CliRun.RunAsync("keys", "new", "--scope", "scrub");
        var second = await CliRun.RunAsync("keys", "new", "--scope", "scrub");

        Assert.NotEqual(PrintedKey().Match(first.Out).Value, PrintedKey().Match(second.Out).Value);
    }

    [Fact]
    public async Task KeysNew_ServerConfiguredWithThePrintedLines_AcceptsTheKeyForItsScopesOnly()
    {
        var made = await CliRun.RunAsync("keys", "new", "--scope", "scrub,outcomes", "--name", "pm-system");
        var key = PrintedKey().Match(made.Out).Value;

        // As the output says: the next free index, 1, since the test key is at 0.
        var settings = EnvironmentLines(made.Out).Select(l => "--" + l.Replace("Security__ApiKeys__0__", "Security__ApiKeys__1__", StringComparison.Ordinal).Replace("__", ":", StringComparison.Ordinal));
        await using var server = await RunningServer.StartAsync([.. settings]);

        var scrub = await CliRun.RunAsync("scrub", ClaimSample, "--server", server.Address, "--api-key", key);
        var status = await CliRun.RunAsync("status", "--server", server.Address, "--api-key", key);

        Assert.Equal(ExitCodes.Ok, scrub.ExitCode);
        Assert.Contains("Claim DEMO-0003", scrub.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Problems, status.ExitCode);
        Assert.Contains("does not allow this call with the API key (PermissionDenied)", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysReload_KeyAddedToTheSettingsFile_IsInForceAtOnceAndPrinted()
    {
        using var settings = new SettingsFile();
        await using var server = await RunningServer.StartAsync(settings.Args(watch: false));
        var key = PrintedKey().Match((await CliRun.RunAsync("keys", "new", "--scope", "scrub", "--name", "pm-system")).Out).Value;
        settings.Write([("pm-system", key, ["scrub"])]);
        var before = await CliRun.RunAsync("scrub", ClaimSample, "--server", server.Address, "--api-key", key);

        var reload = await CliRun.RunAsync("keys", "reload", "--server", server.Address);
        var after = await CliRun.RunAsync("scrub", ClaimSample, "--server", server.Address, "--api-key", key);

        Assert.NotEqual(ExitCodes.Ok, before.ExitCode);
        Assert.Equal(ExitCodes.Ok, reload.ExitCode);
        Assert.Matches(@"^Security settings in force at \d{4}-\d\d-\d\dT", reload.Out);
        Assert.Contains("\n  API key 'pm-system' added (scrub)\n", reload.Out, StringComparison.Ordinal);
        Assert.Contains("\nAPI keys: pm-system, tests\n", reload.Out, StringComparison.Ordinal);
        Assert.Contains("\nClient certificates: none", reload.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(key, reload.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, after.ExitCode);
    }

    [Fact]
    public async Task KeysReload_SettingsWithAMalformedHash_ExitsOneNamingTheSetting()
    {
        using var settings = new SettingsFile();
        await using var server = await RunningServer.StartAsync(settings.Args(watch: false));
        settings.WriteSecurity(new JsonObject
        {
            ["ApiKeys"] = new JsonArray(
                new JsonObject { ["Name"] = "tests", ["Hash"] = RunningServer.ApiKeyHash, ["Scopes"] = new JsonArray("admin") },
                new JsonObject { ["Name"] = "pm-system", ["Hash"] = "sha256:0123", ["Scopes"] = new JsonArray("scrub") }),
        });

        var reload = await CliRun.RunAsync("keys", "reload", "--server", server.Address);

        Assert.Equal(ExitCodes.Problems, reload.ExitCode);
        Assert.Contains("Security:ApiKeys:1:Hash: is not 'sha256:' and 64 hex digits", reload.Error, StringComparison.Ordinal);
        Assert.Empty(reload.Out);
    }

    [Fact]
    public async Task KeysNew_UnknownScope_IsAUsageErrorNamingIt()
    {
        var run = await CliRun.RunAsync("keys", "new", "--scope", "scrub,scurb");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'scurb' is not a scope (scrub, outcomes, reports, admin)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch(PrintedKey(), run.Out);
    }

    [Fact]
    public async Task KeysNew_NoScope_IsAUsageError()
    {
        var run = await CliRun.RunAsync("keys", "new");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--scope' is required", run.Error, StringComparison.Ordinal);
    }

    private static string ClaimSample => Path.Combine(RepositoryPaths.Root, "tools", "samples", "claims", "bypassed-by-xs.json");

    private static List<string> EnvironmentLines(string output) =>
        [.. output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Security__", StringComparison.Ordinal))];

    [GeneratedRegex("scr_[A-Za-z0-9_-]{43}")]
    private static partial Regex PrintedKey();

    [GeneratedRegex("sha256:[0-9a-f]{64}")]
    private static partial Regex PrintedHash();
}
