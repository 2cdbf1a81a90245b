using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;

namespace Scrubber.Server.Tests;

/// <summary>What the service keeps on disk beside the audit store: its folder, and the data-protection key ring that
/// protects dashboard cookies, owner-only; the ring optionally encrypted with a certificate.</summary>
public sealed class StoreFilesTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task AuditStore_InAFolderThatDoesNotExist_CreatesTheFolderOwnerOnly()
    {
        var folder = Path.Combine(_files.Path, "App_Data");

        await using var server = await RunningServer.StartAsync($"--Audit:Path={Path.Combine(folder, "scrubber.db")}");

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(folder, "scrubber.db")));
    }

    [Fact]
    public async Task KeyRing_IsKeptBesideTheStore_FolderAndFilesOwnerOnly()
    {
        var database = Path.Combine(_files.Path, "App_Data", "scrubber.db");
        await using var server = await RunningServer.StartAsync($"--Audit:Path={database}");

        await DashboardClient.SignedInCookieAsync(server.WebAddress, RunningServer.ApiKey);
        var keys = Directory.GetFiles(database + ".keys");

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(database + ".keys"));
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(k)));
        Assert.All(keys, k => Assert.EndsWith(".xml", k, StringComparison.Ordinal));
        Assert.Contains(server.Logs.Lines, l => l.Contains($"Data-protection keys kept in {database}.keys, protected by their owner-only files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyRing_WithACertificate_IsEncryptedWithIt_SessionsSurviveARestartWithItAndNotWithoutIt()
    {
        using var certificate = RsaCertificate();
        var pfx = TestCertificates.WritePfx(certificate, _files.File("key-ring.pfx"));
        var database = _files.File("scrubber.db");
        string[] args = [$"--Audit:Path={database}", $"--DataProtection:CertificatePath={pfx}", $"--DataProtection:CertificatePassword={TestCertificates.PfxPassword}"];
        string cookie;
        await using (var before = await RunningServer.StartAsync(args))
        {
            cookie = await DashboardClient.SignedInCookieAsync(before.WebAddress, RunningServer.ApiKey);
        }

        HttpStatusCode withCertificate, withoutCertificate;
        await using (var after = await RunningServer.StartAsync(args))
        {
            withCertificate = (await DashboardClient.GetWithCookieAsync(after.WebAddress, "/api/weekly", cookie)).StatusCode;
        }

        var ring = string.Concat(Directory.GetFiles(database + ".keys").Select(File.ReadAllText));

        await using (var unkeyed = await RunningServer.StartAsync(args[0]))
        {
            withoutCertificate = (await DashboardClient.GetWithCookieAsync(unkeyed.WebAddress, "/api/weekly", cookie)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, withCertificate);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCertificate);
        Assert.Contains("<encryptedSecret", ring, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", ring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRing_CertificateFileThatCannotBeRead_StopsTheStartNamingTheSetting()
    {
        var missing = _files.File("no-such.pfx");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningServer.StartAsync($"--DataProtection:CertificatePath={missing}"));

        Assert.StartsWith($"DataProtection:CertificatePath: '{missing}' cannot be read", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Key-ring encryption (XML encryption) needs an RSA certificate.</summary>
    private static X509Certificate2 RsaCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=scrubber-key-ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx, TestCertificates.PfxPassword), TestCertificates.PfxPassword);
    }
}
