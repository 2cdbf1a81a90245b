using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Scrubber.Server.Tests.Infrastructure;

/// <summary>Self-signed certificates made for one test, and HTTP handlers that trust exactly one server certificate.</summary>
public static class TestCertificates
{
    public const string PfxPassword = "test-only-pfx-password";

    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>A server certificate for 127.0.0.1 and localhost.</summary>
    public static X509Certificate2 Server()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        return Create("CN=scrubber-test-server", ServerAuth, names.Build());
    }

    /// <summary>A client certificate, as a PM system's batch job would hold.</summary>
    public static X509Certificate2 Client(string name) => Create($"CN={name}", ClientAuth, null);

    /// <summary>A certificate authority made for one test: self-signed, allowed to sign certificates and nothing else.</summary>
    public static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx, PfxPassword), PfxPassword);
    }

    /// <summary>A server certificate for 127.0.0.1 and localhost issued by <paramref name="authority"/>.</summary>
    public static X509Certificate2 ServerIssuedBy(X509Certificate2 authority)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        return Issue(authority, "CN=scrubber-test-server", ServerAuth, names.Build());
    }

    /// <summary>A client certificate issued by <paramref name="authority"/>.</summary>
    public static X509Certificate2 ClientIssuedBy(X509Certificate2 authority, string name) => Issue(authority, $"CN={name}", ClientAuth, null);

    /// <summary>A handler that accepts a server certificate that chains to <paramref name="authority"/> alone (not the
    /// machine's roots), and presents <paramref name="client"/> when given.</summary>
    public static SocketsHttpHandler TrustingAuthority(X509Certificate2 authority, X509Certificate2? client = null) => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
            {
                if (presented is null)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(X509CertificateLoader.LoadCertificate(presented.GetRawCertData()));
            },
            ClientCertificates = client is null ? null : new X509CertificateCollection { client },

            // The client keeps TLS sessions for the process; resuming one that another handler made with a certificate
            // would present that certificate again. Every handler here stands for a separate client.
            AllowTlsResume = false,
        },
    };

    /// <summary>Writes the certificate and its key as a password-protected PFX, as an operator's file would be.</summary>
    public static string WritePfx(X509Certificate2 certificate, string path)
    {
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, PfxPassword));
        return path;
    }

    /// <summary>SHA-256 of the certificate in the colon-separated upper-case form openssl prints.</summary>
    public static string Sha256Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A handler that accepts only <paramref name="server"/> and presents <paramref name="client"/> when given.</summary>
    public static SocketsHttpHandler Trusting(X509Certificate2 server, X509Certificate2? client = null)
    {
        var pinned = server.GetCertHash(HashAlgorithmName.SHA256);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && presented.GetCertHash(HashAlgorithmName.SHA256).SequenceEqual(pinned),
                ClientCertificates = client is null ? null : new X509CertificateCollection { client },
            },
        };
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string subject, string usage, X509Extension? names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx, PfxPassword), PfxPassword);
    }

    private static X509Certificate2 Create(string subject, string usage, X509Extension? names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], critical: false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Reloaded from PKCS#12 so the private key is one TLS can use on every platform, as a certificate from a file is.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx, PfxPassword), PfxPassword);
    }
}
