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
