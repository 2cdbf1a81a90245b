using System.Net;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;

namespace Scrubber.Server.Tests;

/// <summary>The dashboard answers on the web endpoint only, and every answer there carries the browser security headers.</summary>
public sealed class DashboardHardeningTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>Dashboard paths, signed in or not, found or not.</summary>
    public static TheoryData<string, bool> Paths => new()
    {
        { "/signin", false },
        { "/signin.css", false },
        { "/dashboard.js", false },
        { "/dashboard.css", false },
        { "/", false },
        { "/", true },
        { "/api/weekly", false },
        { "/api/weekly", true },
        { "/api/reports", true },
        { "/signout", false },
        { "/no-such-page", true },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task WebEndpoint_EveryAnswer_CarriesTheSecurityHeaders(string path, bool withKey)
    {
        using var response = withKey
            ? await DashboardClient.GetWithBearerAsync(fixture.Server.WebAddress, path, RunningServer.ApiKey)
            : await new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }).GetAsync(new Uri(fixture.Server.WebAddress + path));

        Assert.Equal(ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task WebEndpoint_PagesLoadNothingInline()
    {
        using var http = new HttpClient();
        var signIn = await http.GetStringAsync(new Uri(fixture.Server.WebAddress + "/signin"));
        using var dashboard = await DashboardClient.GetWithBearerAsync(fixture.Server.WebAddress, "/", RunningServer.ApiKey);
        var page = await dashboard.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", page + signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page + signIn, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/dashboard.js\"></script>", page, StringComparison.Ordinal);
        Assert.Equal("text/javascript", (await http.GetAsync(new Uri(fixture.Server.WebAddress + "/dashboard.js"))).Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/signin", false)]
    [InlineData("/", false)]
    [InlineData("/", true)]
    [InlineData("/api/weekly", true)]
    [InlineData("/dashboard.js", false)]
    public async Task GrpcPort_DashboardPath_IsNotFound(string path, bool withKey)
    {
        // The gRPC endpoint speaks HTTP/2 without TLS: prior knowledge, as a gRPC client connects.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.Address + path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (withKey)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RunningServer.ApiKey);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
