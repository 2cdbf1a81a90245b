using System.Text;
using Grpc.Core;
using Scrubber.Generators;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>The physician fee schedule RVU table through the real host (domain.md §5): the generated sample in force from
/// 2026-07-01 and a later release, status, a new release by reload, and a broken file refused at reload while the
/// tables in force keep serving (their global periods still edit claims).</summary>
public sealed class PfsEndToEndTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _tables = new();
    private RunningServer? _server;

    private RunningServer Server => _server!;

    private string Folder => _tables.File("pfs");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        File.Copy(RepositoryPaths.PfsSample, Path.Combine(Folder, Path.GetFileName(RepositoryPaths.PfsSample)));
        PfsTableGenerator.WriteRows(Folder, new DateOnly(2026, 4, 1), [new PfsRow("27447", "090"), new PfsRow("99213", "XXX")]);
        _server = await RunningServer.StartAsync($"--Pfs:Files:0={Folder}");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose() => _tables.Dispose();

    [Fact]
    public async Task Status_ListsEachFeeScheduleRelease_WithItsGlobalPeriods()
    {
        var status = await Server.Admin.GetStatusAsync(new GetStatusRequest());

        Assert.Equal([("pfs-2026-04-01", "2026-04-01", 2L, 2L), ("pfs-2026-07-01", "2026-07-01", 55L, 53L)],
            status.PfsTables.Select(t => (t.Version, t.AppliesFrom, t.Rows, t.Codes)));
        var july = status.PfsTables[1];
        Assert.Equal((10L, 1L, 1L, 3L, 25L, 1L, 12L),
            (july.Global000, july.Global010, july.Global090, july.GlobalMmm, july.GlobalXxx, july.GlobalYyy, july.GlobalZzz));
        Assert.EndsWith("PPRRVU2026_Jul_nonQPP.sample.csv", Assert.Single(july.Files), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReloadTables_NewRelease_IsListed_AndABrokenFileIsRefusedNamingTheLine_WhileTheTablesInForceServe()
    {
        PfsTableGenerator.WriteRows(Folder, new DateOnly(2026, 10, 1), [new PfsRow("27447", "090"), new PfsRow("11042", "000"), new PfsRow("59400", "MMM")]);
        var reply = await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest());
        Assert.Equal(["pfs-2026-04-01", "pfs-2026-07-01", "pfs-2026-10-01"], reply.PfsTables.Select(t => t.Version));
        Assert.Equal((1L, 1L, 1L), (reply.PfsTables[2].Global000, reply.PfsTables[2].Global090, reply.PfsTables[2].GlobalMmm));
        Assert.NotEmpty(reply.NcciTables);

        var broken = Path.Combine(Folder, "PPRRVU2027_Jan_nonQPP.csv");
        await File.WriteAllTextAsync(broken, File.ReadAllText(RepositoryPaths.PfsSample, Encoding.Latin1)
            + "27448,,REDACTED,A,,0.00,0.00,,0.00,,0.00,0.00,0.00,0,90,0.09,0.84,0.07,2,1,2,0,0,1,,33.4009,09,0,99,0.00,0.00,0.00\r\n", Encoding.Latin1);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest()));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains($"{broken}:66: the global days '90' of 27448 are not 000, 010, 090, MMM, XXX, YYY or ZZZ", ex.Status.Detail, StringComparison.Ordinal);
        var status = await Server.Admin.GetStatusAsync(new GetStatusRequest());
        Assert.Equal(["pfs-2026-04-01", "pfs-2026-07-01", "pfs-2026-10-01"], status.PfsTables.Select(t => t.Version));
        Assert.Contains(broken, status.NcciRejection, StringComparison.Ordinal);
        var scrub = await Server.Scrubber.ScrubClaimAsync(ProtoClaims.Of("2026-08-03", "27447", "99213").Request()).ResponseAsync;
        Assert.Equal(("GLOBAL_PERIOD", "27447"), (Assert.Single(scrub.Edits).EditType, scrub.Edits[0].Column1Code));

        File.Delete(broken);
        await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest());
    }
}
