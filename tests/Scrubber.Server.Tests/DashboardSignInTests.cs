using System.Net;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;

namespace Scrubber.Server.Tests;

/// <summary>The dashboard's sign-in form over plain HTTP: the cookie it sets, over https, and what ends a session.</summary>
public sealed class DashboardSignInTests : IDisposable
{
    private const string ReportsKey = "scr_test_dashboard_reports_0123456789";

    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task SignIn_OverHttps_SetsASecureHttpOnlyStrictCookieThatOpensTheApi()
    {
        using var certificate = TestCertificates.Server();
        var pfx = TestCertificates.WritePfx(certificate, _files.File("web.pfx"));
        await using var server = await RunningServer.StartAsync(
            $"--Kestrel:Endpoints:Web:Url=https://127.0.0.1:{RunningServer.FreePort()}",
            $"--Kestrel:Endpoints:Web:Certificate:Path={pfx}",
            $"--Kestrel:Endpoints:Web:Certificate:Password={TestCertificates.PfxPassword}");
        using var browser = new DashboardClient(server.WebAddress, TestCertificates.Trusting(certificate));

        var signedIn = await browser.SignInAsync(RunningServer.ApiKey);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("scrubber.dashboard=", StringComparison.Ordinal));
        var api = await browser.Http.GetAsync(new Uri(server.WebAddress + "/api/weekly"));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task SignInPage_NamesTheDashboardAsTheDashboardItselfDoes()
    {
        await using var server = await RunningServer.StartAsync();
        using var http = new HttpClient();

        var signIn = await http.GetStringAsync(new Uri(server.WebAddress + "/signin"));
        using var dashboard = await DashboardClient.GetWithBearerAsync(server.WebAddress, "/", RunningServer.ApiKey);
        var page = await dashboard.Content.ReadAsStringAsync();

        Assert.Contains("<h1>Weekly denial dashboard</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Weekly denial dashboard</h1>", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutTheFormToken_IsRefused()
    {
        await using var server = await RunningServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        var response = await http.PostAsync(new Uri(server.WebAddress + "/signin"), new FormUrlEncodedContent([new("key", RunningServer.ApiKey)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("scrubber.dashboard=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Session_KeyRemovedFromSettings_EndsAtTheNextRequestAfterARestart()
    {
        var store = $"--Audit:Path={_files.File("scrubber.db")}";
        string removedKeyCookie, keptKeyCookie;
        await using (var before = await RunningServer.StartAsync([store, .. ApiKeySettings.Args(1, "dashboard", ReportsKey, "reports")]))
        {
            removedKeyCookie = await DashboardClient.SignedInCookieAsync(before.WebAddress, ReportsKey);
            keptKeyCookie = await DashboardClient.SignedInCookieAsync(before.WebAddress, RunningServer.ApiKey);
        }

        await using var after = await RunningServer.StartAsync(store);

        // The kept key's session still opens the API after the restart (its session and the key ring are in the store),
        // so the refusal is the removed key's alone.
        Assert.Equal(HttpStatusCode.OK, (await DashboardClient.GetWithCookieAsync(after.WebAddress, "/api/weekly", keptKeyCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DashboardClient.GetWithCookieAsync(after.WebAddress, "/api/weekly", removedKeyCookie)).StatusCode);
    }

    [Fact]
    public async Task SignOut_ReplayedCookie_Gets401OnTheApiAndARedirectToSignInOnPages()
    {
        await using var server = await RunningServer.StartAsync();
        using var browser = new DashboardClient(server.WebAddress);
        await browser.SignInAsync(RunningServer.ApiKey);
        var saved = browser.Cookie!;
        var before = await DashboardClient.GetWithCookieAsync(server.WebAddress, "/api/reports", saved);

        var signedOut = await browser.Http.GetAsync(new Uri(server.WebAddress + "/signout"));
        var api = await DashboardClient.GetWithCookieAsync(server.WebAddress, "/api/reports", saved);
        var page = await DashboardClient.GetWithCookieAsync(server.WebAddress, "/", saved);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Null(browser.Cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location?.PathAndQuery ?? page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, AuditFile.Scalar(server.DatabasePath, "SELECT COUNT(*) FROM dashboard_sessions WHERE revoked_why = 'signed_out' AND revoked_at IS NOT NULL"));
    }

    [Fact]
    public async Task Session_TwoReplicasOnOneStore_AgreeOnSignInAndSignOut()
    {
        var store = $"--Audit:Path={_files.File("scrubber.db")}";
        await using var first = await RunningServer.StartAsync(store);
        await using var second = await RunningServer.StartAsync(store);
        using var browser = new DashboardClient(first.WebAddress);
        await browser.SignInAsync(RunningServer.ApiKey);
        var cookie = browser.Cookie!;

        var onSecond = await DashboardClient.GetWithCookieAsync(second.WebAddress, "/api/weekly", cookie);
        await browser.Http.GetAsync(new Uri(first.WebAddress + "/signout"));
        var afterSignOut = await DashboardClient.GetWithCookieAsync(second.WebAddress, "/api/weekly", cookie);

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterSignOut.StatusCode);
    }

    [Fact]
    public async Task Session_PastEightHours_IsRefused()
    {
        var time = new ManualTime();
        await using var server = await RunningServer.StartAsync(time);
        var cookie = await DashboardClient.SignedInCookieAsync(server.WebAddress, RunningServer.ApiKey);

        time.Advance(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1));
        var late = await DashboardClient.GetWithCookieAsync(server.WebAddress, "/api/weekly", cookie);
        time.Advance(TimeSpan.FromMinutes(2));
        var expired = await DashboardClient.GetWithCookieAsync(server.WebAddress, "/api/weekly", cookie);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }
}
