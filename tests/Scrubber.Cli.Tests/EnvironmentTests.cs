using Scrubber.Client;
using Scrubber.Testing;

namespace Scrubber.Cli.Tests;

/// <summary>Tests that set process environment variables run alone, so no other test sees them.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary><c>$SCRUBBER_SERVER</c> and <c>$SCRUBBER_API_KEY</c>: what a command calls when the command line names neither.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class EnvironmentTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Status_ServerAndKeyFromTheEnvironment_CallsThatService()
    {
        using var server = new EnvironmentVariable(ScrubberDefaults.ServerVariable, fixture.Server.Address);
        using var key = new EnvironmentVariable(ScrubberDefaults.ApiKeyVariable, RunningServer.ApiKey);

        var run = await CliRun.RunAsIsAsync("status");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("ccipra-v322r0", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_ServerOptionBeatsTheEnvironment()
    {
        using var server = new EnvironmentVariable(ScrubberDefaults.ServerVariable, "http://127.0.0.1:9");
        using var key = new EnvironmentVariable(ScrubberDefaults.ApiKeyVariable, RunningServer.ApiKey);
        var claim = Path.Combine(RepositoryPaths.Root, "tools", "samples", "claims", "bypassed-by-xs.json");

        var fromEnvironment = await CliRun.RunAsIsAsync("scrub", claim);
        var fromOption = await CliRun.RunAsIsAsync("scrub", claim, "--server", fixture.Server.Address);

        Assert.Equal(ExitCodes.Unavailable, fromEnvironment.ExitCode);
        Assert.Contains("127.0.0.1:9 is not available", fromEnvironment.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, fromOption.ExitCode);
    }

    [Fact]
    public void ResolveAddress_NothingGivenOrSet_IsTheLocalDefault()
    {
        using var server = new EnvironmentVariable(ScrubberDefaults.ServerVariable, null);

        Assert.Equal("http://127.0.0.1:5080", ScrubberDefaults.ResolveAddress(null));
        Assert.Equal("http://elsewhere:1", ScrubberDefaults.ResolveAddress("http://elsewhere:1"));
    }

    [Fact]
    public void ResolveApiKey_VariableSet_IsTheVariableUnlessAKeyIsGiven()
    {
        using var key = new EnvironmentVariable(ScrubberDefaults.ApiKeyVariable, "scr_from_environment");

        Assert.Equal("scr_from_environment", ScrubberDefaults.ResolveApiKey(null));
        Assert.Equal("scr_given", ScrubberDefaults.ResolveApiKey("scr_given"));
    }

    [Fact]
    public void ResolveApiKey_NothingGivenOrSet_IsTheDevelopmentKey()
    {
        using var key = new EnvironmentVariable(ScrubberDefaults.ApiKeyVariable, null);

        Assert.Equal("scr_dev_loopback_only_not_a_secret", ScrubberDefaults.ResolveApiKey(null));
    }

    /// <summary>Sets a variable for the test and puts back what was there.</summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _before;

        public EnvironmentVariable(string name, string? value)
        {
            _name = name;
            _before = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _before);
    }
}
