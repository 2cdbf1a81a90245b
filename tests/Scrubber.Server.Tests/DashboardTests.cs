using System.Collections.Immutable;
using Google.Protobuf;
using Microsoft.Playwright;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;
using OutcomesClient = Scrubber.V1.Outcomes.OutcomesClient;

namespace Scrubber.Server.Tests;

/// <summary>The dashboard in a real browser (Debian's headless chromium): rows, repeat offenders, charts, filters, a drill-down.</summary>
/// <remarks>
/// History: three MEDICARE claims of 99213 + 93000 (no edit) and one ACME01 claim of the same pair (its pack's
/// ECG rule, sent anyway), all with 93000 denied CO-97 on 2026-08-12 (week 33); one MEDICARE 0001U + 0030U claim
/// (NCCI warning sent anyway) with 0030U denied on 2026-08-19 (week 34).
/// </remarks>
public sealed class DashboardTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ScrubOnlyKey = "scr_test_dashboard_scrub_only_0123456789";
    private RunningServer? _server;
    private string _acmeClaim = string.Empty;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(ApiKeySettings.Args(1, "scrub-only", ScrubOnlyKey, "scrub"));
        var week33 = new List<RemitClaimSpec>();
        foreach (var payer in new[] { "MEDICARE", "MEDICARE", "MEDICARE", "ACME01" })
        {
            var claim = ProtoClaims.Of("2026-08-03", "99213", "93000");
            claim.PayerId = payer;
            _acmeClaim = payer == "ACME01" ? claim.ClaimId : _acmeClaim;
            week33.Add(await SendAndDeny(claim));
        }

        await Ingest(week33, new DateOnly(2026, 8, 12));
        await Ingest([await SendAndDeny(ProtoClaims.Of("2026-08-03", "0001U", "0030U"))], new DateOnly(2026, 8, 19));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task Dashboard_InChromium_SignsInThenShowsRowsChartsFilterAndDrillDown()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (.ci/test does).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

        // The pages run under a self-only Content-Security-Policy; chromium reports anything it blocks on the console.
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync(Server.WebAddress);
        Assert.StartsWith($"{Server.WebAddress}/signin", page.Url, StringComparison.Ordinal);
        var refusals = new List<string>();
        foreach (var wrong in (string[])["scr_not_a_configured_key", ScrubOnlyKey])
        {
            await page.FillAsync("#key", wrong);
            await page.ClickAsync("#sign-in");
            refusals.Add(await page.Locator("#error").InnerTextAsync());
        }

        Assert.Equal(["That key was not accepted for the dashboard.", "That key was not accepted for the dashboard."], refusals);
        await page.FillAsync("#key", RunningServer.ApiKey);
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("body[data-loaded=true]");
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "scrubber.dashboard");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

        // Week 33: the three MEDICARE denials no edit named a pair for are one row of the denied code, with the code
        // billed beside it as context (a repeat offender at the default threshold of 3); the ACME01 one has its pack
        // rule's pair.
        var rows = page.Locator("#pairs tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        Assert.Equal("repeat", await rows.Nth(0).GetAttributeAsync("class"));
        Assert.Equal(["2026-W33", "bundling", "93000", "99213", "3"], (await rows.Nth(0).Locator("td").AllInnerTextsAsync()).Take(5));
        Assert.Contains("add a payer rule", await rows.Nth(0).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["2026-W33", "bundling", "99213/93000", "", "1"], (await rows.Nth(1).Locator("td").AllInnerTextsAsync()).Take(5));
        Assert.Equal(["2026-W34", "bundling", "0001U/0030U", "", "1"], (await rows.Nth(2).Locator("td").AllInnerTextsAsync()).Take(5));
        Assert.Equal(["4", "1"], await page.Locator("#trend rect").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.value)"));
        Assert.Equal(3, await page.Locator("#top rect").CountAsync());
        Assert.Equal(["0001U", "0030U", "bundling", "CO", "MEDICARE"], (await page.Locator("#overridden tbody tr").Nth(0).Locator("td").AllInnerTextsAsync()).Take(5));
        Assert.Equal(["MEDICARE", "93000", "bundling", "CO"], (await page.Locator("#missed tbody tr").Nth(0).Locator("td").AllInnerTextsAsync()).Take(4));
        Assert.Equal("2026-08", await page.Locator("#kpi-months tbody tr td").First.InnerTextAsync());
        Assert.Contains(await page.Locator("#patterns tbody tr").AllInnerTextsAsync(), p => p.Contains("inappropriately denied", StringComparison.Ordinal));

        await page.EvaluateAsync("() => document.body.dataset.loaded = 'false'");
        await page.SelectOptionAsync("#families", "units");
        await page.WaitForSelectorAsync("body[data-loaded=true]");

        Assert.Equal(0, await rows.CountAsync());

        await page.EvaluateAsync("() => document.body.dataset.loaded = 'false'");
        await page.SelectOptionAsync("#families", "");
        await page.WaitForSelectorAsync("body[data-loaded=true]");
        await page.EvaluateAsync("() => document.body.dataset.loaded = 'false'");
        await page.SelectOptionAsync("#payer", "ACME01");
        await page.WaitForSelectorAsync("body[data-loaded=true]");

        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal("", await rows.Nth(0).GetAttributeAsync("class"));
        Assert.Equal(["1"], await page.Locator("#trend rect").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.value)"));

        await rows.Nth(0).ClickAsync();
        await page.WaitForSelectorAsync("#claims:not([hidden]) tbody tr");
        var claims = page.Locator("#claims tbody tr");
        Assert.Equal(1, await claims.CountAsync());
        Assert.StartsWith(_acmeClaim, await claims.Nth(0).InnerTextAsync(), StringComparison.Ordinal);

        using var shots = new TempDirectory();
        var shot = shots.File("dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        var png = await File.ReadAllBytesAsync(shot);
        Assert.True(png.Length > 10_000, $"the screenshot is only {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);

        Assert.Equal("right", await page.EvalOnSelectorAsync<string>("#sign-out", "a => getComputedStyle(a).cssFloat"));
        Assert.Empty(violations);

        await page.ClickAsync("#sign-out");
        await page.GotoAsync(Server.WebAddress);
        Assert.StartsWith($"{Server.WebAddress}/signin", page.Url, StringComparison.Ordinal);
        Assert.Equal("420px", await page.EvalOnSelectorAsync<string>("body", "b => getComputedStyle(b).maxWidth"));
        Assert.Empty(violations);
    }

    [Fact]
    public async Task DashboardPage_NotSignedIn_RedirectsToSignIn()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var response = await http.GetAsync(new Uri(Server.WebAddress + "/"));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("/api/weekly")]
    [InlineData("/api/reports")]
    [InlineData("/api/claims?week=2026-W33&column1=99213&code=93000&family=bundling")]
    public async Task DashboardApi_NoCookieOrKey_IsUnauthorized(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var response = await http.GetAsync(new Uri(Server.WebAddress + path));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/weekly")]
    [InlineData("/")]
    public async Task Dashboard_KeyWithoutReportsScope_IsForbidden(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Authorization = new("Bearer", ScrubOnlyKey);

        var response = await http.GetAsync(new Uri(Server.WebAddress + path));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DashboardApi_UnknownBearerKey_IsUnauthorized()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Authorization = new("Bearer", "scr_not_a_configured_key");

        var response = await http.GetAsync(new Uri(Server.WebAddress + "/api/weekly"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DashboardApi_KeyWithReportsScope_AnswersJson()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", RunningServer.ApiKey);

        var response = await http.GetAsync(new Uri(Server.WebAddress + "/api/weekly"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"rows\":[", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardApi_WeekThatIsNotAnIsoWeek_IsABadRequestNamingTheField()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", RunningServer.ApiKey);

        var response = await http.GetAsync(new Uri($"{Server.WebAddress}/api/reports?week=2026-33"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"field\":\"week\"", body, StringComparison.Ordinal);
        Assert.Contains("is not an ISO week such as 2026-W33", body, StringComparison.Ordinal);
    }

    private async Task<RemitClaimSpec> SendAndDeny(Claim claim)
    {
        var response = await Server.Scrubber.ScrubClaimAsync(claim.Request());
        await new OutcomesClient(Server.Channel).ConfirmSubmissionAsync(new ConfirmSubmissionRequest { ScrubId = response.ScrubId });
        var day = new DateOnly(2026, 8, 3);
        return new RemitClaimSpec(claim.ClaimId, "1", "ICN-" + claim.ClaimId,
        [
            new RemitLineSpec(claim.Lines[0].LineId, claim.Lines[0].ProcedureCode, [], day, 100m, 80m, [("CO", "45", 20m)]),
            new RemitLineSpec(claim.Lines[1].LineId, claim.Lines[1].ProcedureCode, [], day, 100m, 0m, ImmutableArray.Create(("CO", "97", 100m))),
        ]);
    }

    private async Task Ingest(List<RemitClaimSpec> claims, DateOnly paidOn)
    {
        var content = new Remittance835Writer().Write(claims, paidOn);
        await new OutcomesClient(Server.Channel).IngestRemittanceAsync(new IngestRemittanceRequest { Content = ByteString.CopyFromUtf8(content) });
    }
}
