namespace Scrubber.Server.Security;

/// <summary>Who may call: API keys (by hash) and client certificates (by SHA-256 thumbprint), each with its scopes.</summary>
/// <remarks>At least one key or certificate must be configured; the service refuses to start otherwise.</remarks>
internal sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>API keys sent as <c>authorization: Bearer &lt;key&gt;</c>. Default: none.</summary>
    public List<ApiKeySetting> ApiKeys { get; init; } = [];

    /// <summary>Client certificates accepted on endpoints with a <c>ClientCertificateMode</c>. Default: none.</summary>
    public List<ClientCertificateSetting> ClientCertificates { get; init; } = [];

    /// <summary>Sign-in throttling for the dashboard.</summary>
    public SignInOptions SignIn { get; init; } = new();
}
