using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Scrubber.Server.Tests.Infrastructure;

/// <summary>An HTTP client that keeps cookies and posts the dashboard's sign-in form as a browser would, optionally from
/// another loopback address (127.0.0.2, …) so that tests can sign in as several clients.</summary>
public sealed partial class DashboardClient : IDisposable
{
    public const string CookieName = "scrubber.dashboard";

    private readonly string _webAddress;

    public DashboardClient(string webAddress, SocketsHttpHandler? handler = null, IPAddress? from = null)
    {
        _webAddress = webAddress;
        handler ??= new SocketsHttpHandler();
        handler.CookieContainer = Cookies;
        handler.AllowAutoRedirect = false;
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        Http = new HttpClient(handler);
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    /// <summary>The session cookie's value, or null when there is none.</summary>
    public string? Cookie => Cookies.GetCookies(new Uri(_webAddress))[CookieName]?.Value;

    /// <summary>Loads the sign-in page for its form token and posts <paramref name="key"/> with it.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string key)
    {
        var page = await Http.GetStringAsync(new Uri(_webAddress + "/signin"));
        var token = FormToken().Match(page);
        return await Http.PostAsync(
            new Uri(_webAddress + "/signin"),
            new FormUrlEncodedContent([new("key", key), new(token.Groups["field"].Value, token.Groups["token"].Value)]));
    }

    /// <summary>Signs in with <paramref name="key"/> and returns the session cookie it set.</summary>
    public static async Task<string> SignedInCookieAsync(string webAddress, string key)
    {
        using var browser = new DashboardClient(webAddress);
        var response = await browser.SignInAsync(key);
        Xunit.Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser.Cookie!;
    }

    /// <summary>GETs <paramref name="path"/> with nothing but <paramref name="cookie"/> as the session cookie, as a
    /// replayed copy of it would be sent; redirects are not followed.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(string webAddress, string path, string cookie)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(webAddress + path));
        request.Headers.Add("Cookie", CookieName + "=" + cookie);
        return await http.SendAsync(request);
    }

    /// <summary>GETs <paramref name="path"/> with <paramref name="key"/> as <c>authorization: Bearer</c>.</summary>
    public static async Task<HttpResponseMessage> GetWithBearerAsync(string webAddress, string path, string key)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(webAddress + path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"(?<field>[^\"]+)\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex FormToken();
}
