using System.Net;
using System.Text.RegularExpressions;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;

namespace Scrubber.Server.Tests;

/// <summary>The dashboard's sign-in form over plain HTTP: the cookie it sets, over https, and what ends a session.</summary>
public sealed partial class DashboardSignInTests : IDisposable
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
        using var browser = new Browser(server.WebAddress, TestCertificates.Trusting(certificate));

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
    public async Task SignIn_WithoutTheFormToken_IsRefused()
    {
        await using var server = await RunningServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        var response = await http.PostAsync(new Uri(server.WebAddress + "/signin"), new FormUrlEncodedContent([new("key", RunningServer.ApiKey)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("scrubber.dashboard=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Session_KeyRemovedFromSettings_EndsAtTheNextRequest()
    {
        string removedKeyCookie, keptKeyCookie;
        await using (var before = await RunningServer.StartAsync(ApiKeySettings.Args(1, "dashboard", ReportsKey, "reports")))
        {
            removedKeyCookie = await SignedInCookieAsync(before.WebAddress, ReportsKey);
            keptKeyCookie = await SignedInCookieAsync(before.WebAddress, RunningServer.ApiKey);
        }

        await using var after = await RunningServer.StartAsync();

        // The kept key's session still opens the API after the restart, so the refusal is the removed key's alone.
        Assert.Equal(HttpStatusCode.OK, await ApiWithCookieAsync(after.WebAddress, keptKeyCookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiWithCookieAsync(after.WebAddress, removedKeyCookie));
    }

    private static async Task<string> SignedInCookieAsync(string webAddress, string key)
    {
        using var browser = new Browser(webAddress, new SocketsHttpHandler());
        var response = await browser.SignInAsync(key);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser.Cookies.GetCookies(new Uri(webAddress))["scrubber.dashboard"]!.Value;
    }

    private static async Task<HttpStatusCode> ApiWithCookieAsync(string webAddress, string cookie)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(webAddress + "/api/weekly"));
        request.Headers.Add("Cookie", "scrubber.dashboard=" + cookie);
        return (await http.SendAsync(request)).StatusCode;
    }

    [GeneratedRegex("name=\"(?<field>[^\"]+)\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex FormToken();

    /// <summary>An HTTP client that keeps cookies and posts the sign-in form as a browser would.</summary>
    private sealed class Browser : IDisposable
    {
        private readonly string _webAddress;

        public Browser(string webAddress, SocketsHttpHandler handler)
        {
            _webAddress = webAddress;
            handler.CookieContainer = Cookies;
            handler.AllowAutoRedirect = false;
            Http = new HttpClient(handler);
        }

        public CookieContainer Cookies { get; } = new();

        public HttpClient Http { get; }

        public async Task<HttpResponseMessage> SignInAsync(string key)
        {
            var page = await Http.GetStringAsync(new Uri(_webAddress + "/signin"));
            var token = FormToken().Match(page);
            return await Http.PostAsync(
                new Uri(_webAddress + "/signin"),
                new FormUrlEncodedContent([new("key", key), new(token.Groups["field"].Value, token.Groups["token"].Value)]));
        }

        public void Dispose() => Http.Dispose();
    }
}
