namespace Scrubber.Server.Security;

/// <summary>The development key's hash. The key itself is public (the README prints it), so the service refuses to
/// start when it is configured and any endpoint listens beyond loopback.</summary>
internal static class DevelopmentKey
{
    public const string Hash = "sha256:b23d194d5a4a6363d14c7d06c1d7494bc3f08034a0ebbbad1194d401755a99b0";
}
