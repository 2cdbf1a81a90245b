namespace Scrubber.Server.Audit;

/// <summary>How the data-protection key ring (it protects the dashboard's cookie and form tokens) is protected at rest;
/// the <c>DataProtection</c> section of the settings. The ring itself is kept beside the audit store, in
/// <c>&lt;Audit:Path&gt;.keys</c>, so replicas that share the store share it.</summary>
internal sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX file whose certificate (RSA) encrypts each key of the ring; relative paths resolve against the
    /// content root. Default: none, and the keys are protected by their owner-only files alone.</summary>
    public string CertificatePath { get; init; } = string.Empty;

    /// <summary>The PFX file's password. Default: none.</summary>
    public string CertificatePassword { get; init; } = string.Empty;
}
