using Scrubber.Testing;

namespace Scrubber.Load.Tests;

/// <summary><c>scrubber-load wait</c> against the real host, and against nothing.</summary>
public sealed class WaitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Wait_ServingService_ExitsZero()
    {
        var run = await LoadRun.RunAsync("wait", "--server", fixture.Server.Address, "--timeout", "10");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Wait_NothingListening_ExitsOneAfterTheTimeout()
    {
        var run = await LoadRun.RunAsync("wait", "--server", $"http://127.0.0.1:{RunningServer.FreePort()}", "--timeout", "0.5");

        Assert.Equal(1, run.ExitCode);
    }
}
