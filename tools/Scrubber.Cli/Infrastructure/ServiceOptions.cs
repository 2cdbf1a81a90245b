using System.CommandLine;
using Grpc.Net.Client;
using Scrubber.Client;

namespace Scrubber.Cli;

/// <summary>The <c>--server</c> and <c>--api-key</c> options of every command that calls the service, and the channel
/// they open.</summary>
internal sealed class ServiceOptions
{
    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"the service address (default ${ScrubberDefaults.ServerVariable}, else {ScrubberDefaults.Address})",
        HelpName = "URL",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"the API key to call with (default ${ScrubberDefaults.ApiKeyVariable}, else the development key)",
        HelpName = "KEY",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(ApiKey);
    }

    /// <summary>A channel to the service the command line names; <paramref name="anyAnswerSize"/> lifts gRPC's 4 MiB
    /// receive limit for answers whose size the caller cannot bound (an 835's unmatched items, a report of the whole store).</summary>
    public GrpcChannel Open(ParseResult parse, bool anyAnswerSize = false)
    {
        var options = ScrubberChannelOptions.Resolve(parse.GetValue(Server), parse.GetValue(ApiKey));
        return ScrubberChannel.Open(anyAnswerSize ? options with { MaxReceiveMessageSize = null } : options);
    }
}
