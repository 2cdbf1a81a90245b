using Xunit;

namespace Scrubber.Testing;

/// <summary>One running server shared by the tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
