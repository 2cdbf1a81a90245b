using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Packs swapped while the service runs: good versions go live, bad ones are refused, no request fails.</summary>
public sealed class PackSwapTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _packs = new();
    private RunningServer? _server;

    private RunningServer Server => _server!;

    private string BrightPath => Path.Combine(_packs.Path, "brightpath-health");

    public async Task InitializeAsync()
    {
        PackFiles.CopyAllSamples(_packs.Path);
        _server = await RunningServer.StartAsync($"--Packs:Root={_packs.Path}", "--Packs:DebounceMilliseconds=100");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose() => _packs.Dispose();

    [Fact]
    public async Task Watcher_GoodEdit_GoesLiveWithoutARestart()
    {
        var before = await PackVersion("brightpath-health");

        PackFiles.Edit(BrightPath, p => PackFiles.FirstRule(p)["edit"]!["message"] = "BrightPath (2027) never pays {line.Code}: remove this charge for this payer.");

        var after = await WaitFor(async () => await PackVersion("brightpath-health") is var v && v != before ? v : null);
        var response = await Server.Scrubber.ScrubClaimAsync(AfterHoursClaim().Request());
        Assert.Equal($"brightpath-health@{after}", response.Pack);
        Assert.StartsWith("BrightPath (2027) never pays 99050", Assert.Single(response.Edits).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watcher_BrokenEdit_IsRefusedAndThePreviousVersionKeepsServing()
    {
        var before = await PackVersion("brightpath-health");

        PackFiles.Edit(BrightPath, p => PackFiles.FirstRule(p)["expression"] = "line.Code ==");

        var rejection = await WaitFor(async () => (await Server.Admin.GetStatusAsync(new GetStatusRequest())).PackRejections.FirstOrDefault());
        Assert.Equal("brightpath-health", rejection.PackId);
        Assert.Contains(rejection.Errors, e => e.Contains("rule 'after-hours-never-paid': expression does not compile", StringComparison.Ordinal));
        Assert.Equal(before, await PackVersion("brightpath-health"));
        var response = await Server.Scrubber.ScrubClaimAsync(AfterHoursClaim().Request());
        Assert.Equal($"brightpath-health@{before}", response.Pack);
        Assert.Equal(Disposition.HardStop, response.Disposition);
        Assert.Contains(Server.Logs.Lines, l => l.Contains("Pack brightpath-health rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadPacks_RuleCallingAMethodOnANumericLiteral_IsRefusedNamingRuleFileAndNodeAndNeverFires()
    {
        // A text scanner once read "1e5.GetType" as one number and let the call through to reflection.
        var before = await PackVersion("brightpath-health");
        PackFiles.Edit(BrightPath, p => p["rules"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "literal-reflection",
            ["description"] = "Reaches reflection through a method on a numeric literal.",
            ["scope"] = "line",
            ["expression"] = "1e5.GetType() != null",
            ["edit"] = new JsonObject { ["type"] = "PAYER_NOT_COVERED", ["severity"] = "hardStop", ["message"] = "The sandbox let a literal reach reflection." },
        }));

        var reload = await Server.Admin.ReloadPacksAsync(new ReloadPacksRequest());

        var rejection = Assert.Single(reload.PackRejections, r => r.PackId == "brightpath-health");
        Assert.Equal(
            $"{Path.Combine(BrightPath, "pack.json")}: rule 'literal-reflection': expression refused: 'GetType' is used on the literal 100000; " +
            "a rule may use members and methods only on line, other, claim (at 100000.GetType())",
            Assert.Single(rejection.Errors));
        Assert.Equal(before, await PackVersion("brightpath-health"));
        Assert.DoesNotContain("literal-reflection", (await Server.Admin.GetStatusAsync(new GetStatusRequest())).Packs.Single(p => p.Id == "brightpath-health").Rules);
        var response = await Server.Scrubber.ScrubClaimAsync(AfterHoursClaim().Request());
        Assert.Equal($"brightpath-health@{before}", response.Pack);
        var edit = Assert.Single(response.Edits);
        Assert.StartsWith("BrightPath never pays 99050", edit.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated", "not valid JSON")]
    [InlineData("binary", "not valid JSON")]
    [InlineData("enormous", "a pack file may be at most")]
    public async Task ReloadPacks_DamagedPackFile_IsRefusedNamingTheFileAndThePreviousVersionKeepsServing(string damage, string expected)
    {
        var before = await PackVersion("brightpath-health");
        var packFile = Path.Combine(BrightPath, "pack.json");

        PackFiles.Damage(packFile, damage);
        await Server.Admin.ReloadPacksAsync(new ReloadPacksRequest());

        var rejection = await WaitFor(async () => (await Server.Admin.GetStatusAsync(new GetStatusRequest())).PackRejections.FirstOrDefault());
        Assert.Equal("brightpath-health", rejection.PackId);
        Assert.Contains(rejection.Errors, e => e.StartsWith(packFile, StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(before, await PackVersion("brightpath-health"));
        var response = await Server.Scrubber.ScrubClaimAsync(AfterHoursClaim().Request());
        Assert.Equal($"brightpath-health@{before}", response.Pack);
        Assert.Equal(Disposition.HardStop, response.Disposition);
    }

    [Fact]
    public async Task ReloadPacks_Rpc_ReportsWhatChanged()
    {
        PackFiles.Edit(BrightPath, p => p["name"] = "BrightPath renamed");

        var response = await Server.Admin.ReloadPacksAsync(new ReloadPacksRequest());

        Assert.Contains(response.Changes, c => c.StartsWith("brightpath-health: brightpath-health@", StringComparison.Ordinal) && c.Contains("replaces", StringComparison.Ordinal));
        Assert.Equal("BrightPath renamed", response.Packs.Single(p => p.Id == "brightpath-health").Name);
        Assert.Empty(response.PackRejections);
    }

    [Fact]
    public async Task Swaps_UnderConcurrentLoad_FailNoRequestAndEachAnswerMatchesOneVersion()
    {
        var messages = new ConcurrentBag<(string Pack, string Message)>();
        var errors = new ConcurrentBag<Exception>();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await Server.Scrubber.ScrubClaimAsync(AfterHoursClaim().Request());
                    messages.Add((response.Pack, Assert.Single(response.Edits).Message));
                }
                catch (Exception ex)
                {
                    errors.Add(ex);
                }
            }
        })).ToArray();

        for (var swap = 0; swap < 6; swap++)
        {
            var year = 2027 + swap;
            PackFiles.Edit(BrightPath, p => PackFiles.FirstRule(p)["edit"]!["message"] = $"Version {year}: never pays {{line.Code}}.");
            await Server.Admin.ReloadPacksAsync(new ReloadPacksRequest());
        }

        await stop.CancelAsync();
        await Task.WhenAll(clients);

        // On a failure, the server's own error lines say why (an INTERNAL answer names only a log id).
        Assert.True(errors.IsEmpty, $"{errors.Count} calls failed, e.g. {errors.FirstOrDefault()}\nserver errors:\n" +
            string.Join('\n', Server.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal))));
        Assert.True(messages.Count > 50, $"only {messages.Count} calls completed");
        var messageOfVersion = messages.GroupBy(m => m.Pack).ToDictionary(g => g.Key, g => g.Select(m => m.Message).Distinct().ToList());
        Assert.All(messageOfVersion, kv => Assert.Single(kv.Value));
        Assert.True(messageOfVersion.Count >= 2, "the calls saw more than one pack version");
    }

    private static Claim AfterHoursClaim()
    {
        var claim = ProtoClaims.Of("2026-07-15", "99050");
        claim.PayerId = "BRIGHT01";
        return claim;
    }

    private async Task<string> PackVersion(string id) =>
        (await Server.Admin.GetStatusAsync(new GetStatusRequest())).Packs.Single(p => p.Id == id).Version;

    private static async Task<T> WaitFor<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The service did not pick up the pack change within 20 s.");
    }
}
