using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Scrubber.Audit;
using Scrubber.Server.Diagnostics;

namespace Scrubber.Server.Audit;

/// <summary>Registers the data-protection key ring kept beside the SQLite audit store (<c>&lt;Audit:Path&gt;.keys</c>,
/// owner-only) or inside the PostgreSQL one, optionally encrypted with the certificate of
/// <c>DataProtection:CertificatePath</c>.</summary>
/// <remarks>Kept with the store rather than in the home directory (the framework's default) so that it is backed up
/// with the sessions it protects, and so that replicas sharing a store read each other's cookies. The application
/// name is fixed for the same reason: by default it is the content root, which differs between machines.</remarks>
internal static class KeyRingServiceCollectionExtensions
{
    public const string ApplicationName = "Scrubber";

    public static IServiceCollection AddKeyRingWithStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            var audit = sp.GetRequiredService<IOptions<AuditOptions>>().Value;
            o.XmlRepository = audit.Provider == AuditProvider.Postgres
                ? new StoreXmlRepository(sp.GetRequiredService<AuditStoreHost>())
                : new OwnerOnlyXmlRepository(Path.GetFullPath(audit.Path, environment.ContentRootPath) + ".keys");
        }));

        var protection = "protected by their owner-only files";
        if (settings.CertificatePath.Length > 0)
        {
            var certificate = Load(Path.GetFullPath(settings.CertificatePath, environment.ContentRootPath), settings.CertificatePassword);
            builder.ProtectKeysWithCertificate(certificate);
            protection = $"encrypted with the certificate {certificate.Thumbprint}";
        }

        services.AddHostedService(sp => new KeyRingReport(sp, protection));
        return services;
    }

    private static X509Certificate2 Load(string path, string password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath: '{path}' cannot be read as a PFX with its password: {ex.Message}", ex);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"DataProtection:CertificatePath: '{path}' holds no RSA private key; key-ring encryption needs one.");
        }

        return certificate;
    }

    /// <summary>Says at start where the keys are and how they are protected.</summary>
    private sealed class KeyRingReport(IServiceProvider services, string protection) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var where = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository switch
            {
                OwnerOnlyXmlRepository files => files.Directory,
                _ => "the audit store's data_protection_keys table",
            };
            Log.DataProtectionKeys(services.GetRequiredService<ILogger<KeyRingReport>>(), where, protection);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
