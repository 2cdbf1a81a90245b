using System.Net;
using Grpc.Core;
using Scrubber.Server.Tests.Infrastructure;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Sign-in throttling per client address and per presented key (by its SHA-256), and failed sign-ins logged
/// once per address per minute, on a clock the tests move.</summary>
public sealed class SignInThrottleTests
{
    private const string WrongKey = "scr_wrong_but_shaped_like_a_key_000000000";
    private const string OtherWrongKey = "scr_wrong_but_shaped_like_a_key_111111111";

    private static readonly IPAddress First = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress Second = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Third = IPAddress.Parse("127.0.0.3");

    [Fact]
    public async Task SignIn_EleventhAttemptInAMinuteFromOneAddress_Gets429WithRetryAfterUntilTheMinuteIsUp()
    {
        var time = new ManualTime();
        await using var server = await RunningServer.StartAsync(time);
        using var browser = new DashboardClient(server.WebAddress);

        // A forwarded-for header is the client's to write; a new one each time must not make a new client.
        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            browser.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            wrong.Add((await browser.SignInAsync(WrongKey + i)).StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(20));
        var throttled = await browser.SignInAsync(RunningServer.ApiKey);
        var cookie = browser.Cookie;
        time.Advance(TimeSpan.FromSeconds(40));
        var later = await browser.SignInAsync(RunningServer.ApiKey);

        Assert.All(wrong, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(40), throttled.Headers.RetryAfter?.Delta);
        Assert.Null(cookie);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task SignIn_OneKeyFromSeveralAddresses_IsThrottledByItsHash_AndAnotherKeyWithTheSamePrefixIsNot()
    {
        var time = new ManualTime();
        await using var server = await RunningServer.StartAsync(time);
        using var first = new DashboardClient(server.WebAddress, from: First);
        using var second = new DashboardClient(server.WebAddress, from: Second);
        using var third = new DashboardClient(server.WebAddress, from: Third);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await first.SignInAsync(WrongKey)).StatusCode);
            answers.Add((await second.SignInAsync(WrongKey)).StatusCode);
        }

        var sameKey = await third.SignInAsync(WrongKey);
        var otherKey = await third.SignInAsync(OtherWrongKey);
        var goodKey = await third.SignInAsync(RunningServer.ApiKey);

        Assert.All(answers, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, sameKey.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), sameKey.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Unauthorized, otherKey.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, goodKey.StatusCode);
    }

    [Fact]
    public async Task SignIn_MaxAttemptsPerMinuteSetting_SetsTheLimit()
    {
        await using var server = await RunningServer.StartAsync(new ManualTime(), "--Security:SignIn:MaxAttemptsPerMinute=3");
        using var browser = new DashboardClient(server.WebAddress);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await browser.SignInAsync(WrongKey + i)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task SignInFailures_AreLoggedOncePerAddressPerMinuteWithACount()
    {
        var time = new ManualTime();
        await using var server = await RunningServer.StartAsync(time);
        using var browser = new DashboardClient(server.WebAddress);
        var before = server.Logs.Lines.Count;

        for (var i = 0; i < 25; i++)
        {
            await browser.SignInAsync(WrongKey + i);
        }

        var during = server.Logs.Lines.Skip(before).Where(AboutARequest).ToList();
        time.Advance(TimeSpan.FromSeconds(65));
        var failures = server.Logs.Lines.Where(l => l.Contains("[6003]", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, failures.Count);
        Assert.Contains("Refused 1 time(s) from 127.0.0.1 since", failures[0], StringComparison.Ordinal);
        Assert.Contains("Refused 24 time(s) from 127.0.0.1 since", failures[1], StringComparison.Ordinal);
        Assert.Contains("; 15 of them for too many sign-in attempts", failures[1], StringComparison.Ordinal);
        Assert.Equal([failures[0]], during);
        Assert.DoesNotContain(server.Logs.Lines, l => l.Contains(WrongKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallsWithAnUnknownKey_AreLoggedOncePerAddressPerMinuteWithACount()
    {
        var time = new ManualTime();
        await using var server = await RunningServer.StartAsync(time);
        using var channel = server.ChannelFor(WrongKey);
        var before = server.Logs.Lines.Count;

        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<RpcException>(() => new Admin.AdminClient(channel).PingAsync(new PingRequest()).ResponseAsync);
            await DashboardClient.GetWithBearerAsync(server.WebAddress, "/api/weekly", WrongKey);
        }

        var during = server.Logs.Lines.Skip(before).Where(AboutARequest).ToList();
        time.Advance(TimeSpan.FromSeconds(65));
        var failures = server.Logs.Lines.Where(l => l.Contains("[6003]", StringComparison.Ordinal)).ToList();

        Assert.Single(during);
        Assert.Equal(2, failures.Count);
        Assert.Contains("Refused 1 time(s) from 127.0.0.1 since", failures[0], StringComparison.Ordinal);
        Assert.Contains("Refused 39 time(s) from 127.0.0.1 since", failures[1], StringComparison.Ordinal);
    }

    /// <summary>A line at Information or above from what answers requests (not table or pack loading, which may still
    /// be logging as the test starts).</summary>
    private static bool AboutARequest(string line) =>
        !line.StartsWith("Debug", StringComparison.Ordinal) && !line.StartsWith("Trace", StringComparison.Ordinal) &&
        (line.Contains(" Microsoft.AspNetCore", StringComparison.Ordinal) || line.Contains(" Scrubber.Server.Security", StringComparison.Ordinal) ||
         line.Contains(" Scrubber.Server.Web", StringComparison.Ordinal) || line.Contains(" Scrubber.Server.Grpc", StringComparison.Ordinal));
}
