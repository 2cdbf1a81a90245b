using Grpc.Core;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>A new quarter's NCCI files swapped in while the service runs; a broken file never replaces good tables.</summary>
public sealed class NcciReloadTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _tables = new();
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        File.Copy(RepositoryPaths.PractitionerExcerpt, _tables.File("ccipra-v322r0-f1.txt"));
        _server = await RunningServer.StartAsync($"--Ncci:Practitioner:0={_tables.Path}");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose() => _tables.Dispose();

    [Fact]
    public async Task ReloadTables_NewQuarterInTheFolder_EditsItsDatesWithTheNewRelease()
    {
        Assert.Equal(1, Assert.Single((await ScrubPairOn("2026-10-01")).Edits).ModifierIndicator);
        PtpFiles.Write(_tables.File("ccipra-v323r0-f1.txt"), PtpFiles.Row("0001U", "0030U", "20180701", "*", "0"));

        var reply = await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest());

        Assert.Equal(["ccipra-v322r0", "ccipra-v323r0", "ccioph-v323r0", "mcd-ptp-pra-v2026q3r0", "mcd-ptp-oph-v2026q3r0"], reply.NcciTables.Select(t => t.Version));
        Assert.True(reply.ElapsedMs > 0);
        var october = await ScrubPairOn("2026-10-01");
        Assert.Equal(Disposition.HardStop, october.Disposition);
        Assert.Equal(("ccipra-v323r0", 0), (Assert.Single(october.Edits).TableVersion, october.Edits[0].ModifierIndicator));
        var july = await ScrubPairOn("2026-07-15");
        Assert.Equal("ccipra-v322r0", Assert.Single(july.Edits).TableVersion);
        Assert.Contains(Server.Logs.Lines, l => l.Contains("NCCI tables swapped in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadTables_PartNumberTooLargeForAnyTable_IsFailedPreconditionNamingTheFile()
    {
        var odd = PtpFiles.Write(_tables.File("ccipra-v323r0-f99999999999.txt"), PtpFiles.Row("0001U", "0030U", "20180701", "*", "0"));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest()));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.EndsWith($"'{odd}': the part f99999999999 is out of range (f1 to f99)", ex.Status.Detail, StringComparison.Ordinal);
        var stillLive = Assert.Single((await ScrubPairOn("2026-10-01")).Edits);
        Assert.Equal(("ccipra-v322r0", 1), (stillLive.TableVersion, stillLive.ModifierIndicator));
    }

    [Fact]
    public async Task ReloadTables_BrokenFile_IsRefusedNamingItAndTheTablesInForceKeepServing()
    {
        var broken = _tables.File("ccipra-v323r0-f1.txt");
        await File.WriteAllBytesAsync(broken, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest()));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains($"'{broken}' could not be read: byte 0 is NUL: this is UTF-16 or binary", ex.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("The NCCI tables were not reloaded; the tables in force keep serving.", ex.Status.Detail, StringComparison.Ordinal);
        var status = await Server.Admin.GetStatusAsync(new GetStatusRequest());
        Assert.Equal(["ccipra-v322r0", "ccioph-v323r0", "mcd-ptp-pra-v2026q3r0", "mcd-ptp-oph-v2026q3r0"], status.NcciTables.Select(t => t.Version));
        Assert.Contains(broken, status.NcciRejection, StringComparison.Ordinal);
        Assert.NotEmpty(status.NcciRejectedAt);
        Assert.Equal("ccipra-v322r0", Assert.Single((await ScrubPairOn("2026-10-01")).Edits).TableVersion);

        File.Delete(broken);
        await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest());
        Assert.Empty((await Server.Admin.GetStatusAsync(new GetStatusRequest())).NcciRejection);
    }

    [Fact]
    public async Task ReloadTables_UnderConcurrentScrubs_NoCallFails()
    {
        PtpFiles.Write(_tables.File("ccipra-v323r0-f1.txt"), PtpFiles.Row("0001U", "0030U", "20180701", "*", "0"));
        using var stop = new CancellationTokenSource();
        var versions = new System.Collections.Concurrent.ConcurrentBag<string>();
        var clients = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var calls = 0;
            while (!stop.IsCancellationRequested || calls == 0)
            {
                versions.Add(Assert.Single((await ScrubPairOn("2026-10-01")).Edits).TableVersion);
                calls++;
            }

            return calls;
        })).ToArray();

        for (var i = 0; i < 4; i++)
        {
            await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest());
        }

        // On a busy machine every client call may have started before the first swap; one made after the reloads
        // must see the new table while the clients still run.
        versions.Add(Assert.Single((await ScrubPairOn("2026-10-01")).Edits).TableVersion);
        await stop.CancelAsync();
        var calls = await Task.WhenAll(clients);

        Assert.All(calls, c => Assert.True(c > 0));
        Assert.Contains("ccipra-v323r0", versions);
        Assert.All(versions, v => Assert.True(v is "ccipra-v322r0" or "ccipra-v323r0", v));
    }

    private async Task<ScrubClaimResponse> ScrubPairOn(string date) =>
        await Server.Scrubber.ScrubClaimAsync(ProtoClaims.Of(date, "0001U", "0030U").Request());
}
