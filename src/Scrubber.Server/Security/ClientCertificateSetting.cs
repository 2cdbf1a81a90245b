namespace Scrubber.Server.Security;

/// <summary>One client certificate the service accepts, pinned by its SHA-256 thumbprint, with its scopes.</summary>
internal sealed record ClientCertificateSetting
{
    /// <summary>Who holds the certificate; unique. Required.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>SHA-256 over the certificate's DER bytes, 64 hex digits; colons and case are ignored
    /// (<c>openssl x509 -noout -fingerprint -sha256</c> prints it). Required.</summary>
    public string Thumbprint { get; init; } = string.Empty;

    /// <summary>At least one of scrub, outcomes, reports, admin.</summary>
    public List<string> Scopes { get; init; } = [];
}
