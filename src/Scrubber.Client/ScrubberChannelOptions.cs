namespace Scrubber.Client;

/// <summary>How to open a channel to the service.</summary>
/// <param name="Address">The gRPC address; <c>https:</c> means TLS.</param>
/// <param name="ApiKey">Sent as <c>authorization: Bearer</c> on every call; null sends no key (health probes, tests of
/// authentication).</param>
public sealed record ScrubberChannelOptions(string Address, string? ApiKey)
{
    /// <summary>gRPC's own default receive limit, 4 MiB.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>The HTTP handler to call through (connection pooling, certificates); null: the gRPC client's own.
    /// The caller owns it.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>The largest answer accepted, in bytes; null accepts any size. Default
    /// <see cref="DefaultMaxReceiveMessageSize"/>.</summary>
    public int? MaxReceiveMessageSize { get; init; } = DefaultMaxReceiveMessageSize;

    /// <summary>The address and key given, each else from the environment, else the local default
    /// (<see cref="ScrubberDefaults"/>).</summary>
    public static ScrubberChannelOptions Resolve(string? address, string? apiKey) =>
        new(ScrubberDefaults.ResolveAddress(address), ScrubberDefaults.ResolveApiKey(apiKey));
}
