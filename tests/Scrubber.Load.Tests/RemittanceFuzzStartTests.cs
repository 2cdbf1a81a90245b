using Scrubber.Testing;

namespace Scrubber.Load.Tests;

/// <summary><c>scrubber-load fuzz-835</c> when it cannot read the store's counts it compares: exit 3 and one line saying
/// why, never a stack trace.</summary>
public sealed class RemittanceFuzzStartTests : IAsyncLifetime
{
    private const string KeyWithoutAdmin = "scr_test_fuzz_without_admin_0123456789";

    private RunningServer? _server;

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(ApiKeySettings.Args(1, "no-admin", KeyWithoutAdmin, "scrub", "outcomes"));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Fuzz835_NothingListening_ExitsThreeWithOneLineAndNoStackTrace()
    {
        var address = $"http://127.0.0.1:{RunningServer.FreePort()}";

        var run = await LoadProcess.RunAsync("fuzz-835", "--server", address, "--api-key", RunningServer.ApiKey, "--count", "1");

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(Lines(run.Error));
        Assert.StartsWith($"The service at {address} does not answer Admin.GetStatus (Unavailable", line, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Fuzz835_KeyWithoutTheAdminScope_ExitsThreeWithOneLineNamingTheScope()
    {
        var run = await LoadProcess.RunAsync("fuzz-835", "--server", _server!.Address, "--api-key", KeyWithoutAdmin, "--count", "1");

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(Lines(run.Error));
        Assert.Contains("(PermissionDenied", line, StringComparison.Ordinal);
        Assert.Contains("admin scope", line, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
