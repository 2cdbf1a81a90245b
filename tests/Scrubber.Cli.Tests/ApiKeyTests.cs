using Scrubber.Client;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary>The key scrubctl calls with: <c>--api-key</c>, else <c>SCRUBBER_API_KEY</c>, else the development key.</summary>
public sealed class ApiKeyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Status_UnknownKey_SaysToSetScrubberApiKey()
    {
        var run = await CliRun.RunAsync("status", "--server", fixture.Server.Address, "--api-key", "scr_not_configured_anywhere");

        Assert.Equal(ExitCodes.Problems, run.ExitCode);
        Assert.Contains("does not know the API key (Unauthenticated). Set SCRUBBER_API_KEY (or --api-key)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NoKeyGiven_CallsWithTheDevelopmentKey()
    {
        // A server that knows the development key by its hash, on loopback, as the Development settings have it.
        await using var server = await RunningServer.StartAsync(ApiKeySettings.Args(1, "development", ScrubberDefaults.DevelopmentApiKey, "admin"));

        var run = await CliRun.RunAsIsAsync("status", "--server", server.Address);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("ccipra-v322r0", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void DevelopmentApiKey_IsTheKeyWhoseHashTheDevelopmentSettingsHold()
    {
        var settings = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Scrubber.Server", "appsettings.Development.json"));

        Assert.Contains($"\"Hash\": \"{ApiKeySettings.HashOf(ScrubberDefaults.DevelopmentApiKey)}\"", settings, StringComparison.Ordinal);
    }
}
