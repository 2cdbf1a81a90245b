namespace Scrubber.Client;

/// <summary>Where the service is and which key to call it with when the caller says nothing: the environment, else the
/// documented local defaults.</summary>
public static class ScrubberDefaults
{
    /// <summary>The environment variable that names the service's address.</summary>
    public const string ServerVariable = "SCRUBBER_SERVER";

    /// <summary>The environment variable that holds the API key.</summary>
    public const string ApiKeyVariable = "SCRUBBER_API_KEY";

    /// <summary>Where <c>dotnet run --project src/Scrubber.Server</c> listens for gRPC (h2c).</summary>
    public const string Address = "http://127.0.0.1:5080";

    /// <summary>The documented development key. It is public: the Development settings accept it on loopback only,
    /// so that the README's commands work against <c>dotnet run</c> as they are.</summary>
    public const string DevelopmentApiKey = "scr_dev_loopback_only_not_a_secret";

    /// <summary><paramref name="address"/> when given, else <c>$SCRUBBER_SERVER</c>, else <see cref="Address"/>.</summary>
    public static string ResolveAddress(string? address) =>
        NonEmpty(address) ?? NonEmpty(Environment.GetEnvironmentVariable(ServerVariable)) ?? Address;

    /// <summary><paramref name="apiKey"/> when given, else <c>$SCRUBBER_API_KEY</c>, else <see cref="DevelopmentApiKey"/>.</summary>
    public static string ResolveApiKey(string? apiKey) =>
        NonEmpty(apiKey) ?? NonEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable)) ?? DevelopmentApiKey;

    // An exported but empty variable means "not set" to a shell user; calling an empty address or key would only fail later.
    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
