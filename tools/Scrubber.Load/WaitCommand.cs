using System.CommandLine;
using Scrubber.Client;

namespace Scrubber.Load;

/// <summary><c>scrubber-load wait</c>: waits until the service reports SERVING, for scripts that start it.</summary>
internal sealed class WaitCommand : Command
{
    private readonly Option<string?> _server = LoadOptions.Server();
    private readonly Option<double> _timeout = LoadOptions.Positive("--timeout", "how long to wait", 60);

    public WaitCommand()
        : base("wait", "Wait until the service reports SERVING on grpc.health.v1 (exit 0), or the timeout passes (exit 1).")
    {
        Options.Add(_server);
        Options.Add(_timeout);
        SetAction((parse, _) => ServiceWaiter.RunAsync(ScrubberDefaults.ResolveAddress(parse.GetValue(_server)), TimeSpan.FromSeconds(parse.GetValue(_timeout))));
    }
}
