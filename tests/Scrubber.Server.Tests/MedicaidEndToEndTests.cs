using System.Text;
using Grpc.Core;
using Scrubber.Server.Tests.Builders;
using Scrubber.Testing;
using Scrubber.V1;

namespace Scrubber.Server.Tests;

/// <summary>Medicaid NCCI through the real host: the BrightPath pack (<c>"ncciProgram": "medicaid"</c>) is edited with the
/// Medicaid PTP and MUE tables, a Medicare payer with Medicare's; the Medicaid tables are shown in the status, reloaded
/// with the others all or nothing, and a bad Medicaid file never stops the service.</summary>
public sealed class MedicaidEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string July = "2026-07-20";
    private const string October = "2026-10-05";
    private const string BrightPath = "BRIGHT01";
    private readonly TempDirectory _tables = new();
    private RunningServer? _server;

    private RunningServer Server => _server!;

    private string MedicaidFolder => _tables.File("medicaid-practitioner");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(MedicaidFolder);
        File.Copy(RepositoryPaths.MedicaidPractitionerSample, Path.Combine(MedicaidFolder, Path.GetFileName(RepositoryPaths.MedicaidPractitionerSample)));
        _server = await RunningServer.StartAsync($"--Ncci:MedicaidPractitioner:0={MedicaidFolder}");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose() => _tables.Dispose();

    [Fact]
    public async Task BrightPathClaim_GetsTheMedicaidPediatricPairAndNotTheMedicareOnlyOne()
    {
        var response = await Scrub(ProtoClaims.Of(July, "90460", "90471", "0001U", "0034U").ForPayer(BrightPath));

        var edit = Assert.Single(response.Edits, e => e.EditType == "NCCI_PTP");
        Assert.Equal(("90460", "90471", "L2", 1, "mcd-ptp-pra-v2026q3r0"), (edit.Column1Code, edit.Column2Code, edit.LineId, edit.ModifierIndicator, edit.TableVersion));
        Assert.Equal("Mutually exclusive procedures", edit.Rationale);
        Assert.StartsWith("brightpath-health@", response.Pack, StringComparison.Ordinal);
        Assert.Equal("mcd-ptp-pra-v2026q3r0", response.NcciVersion);
    }

    [Fact]
    public async Task MedicarePayer_IsEditedWithTheMedicareTablesAsBefore()
    {
        var response = await Scrub(ProtoClaims.Of(July, "90460", "90471", "0001U", "0034U"));

        var edit = Assert.Single(response.Edits, e => e.EditType == "NCCI_PTP");
        Assert.Equal(("0001U", "0034U", "ccipra-v322r0"), (edit.Column1Code, edit.Column2Code, edit.TableVersion));
        Assert.Equal("ccipra-v322r0", response.NcciVersion);
    }

    [Fact]
    public async Task ObstetricPairWithIndicatorZero_IsAHardStopForBrightPathOnly()
    {
        var medicaid = await Scrub(ProtoClaims.Of(July, "59400", "59425-59").ForPayer(BrightPath));
        var medicare = await Scrub(ProtoClaims.Of(July, "59400", "59425-59"));

        var edit = Assert.Single(medicaid.Edits, e => e.EditType == "NCCI_PTP");
        Assert.Equal((0, Severity.HardStop, "L2"), (edit.ModifierIndicator, edit.Severity, edit.LineId));
        Assert.Equal(Disposition.HardStop, medicaid.Disposition);
        Assert.DoesNotContain(medicare.Edits, e => e.EditType is "NCCI_PTP" or "NCCI_PTP_BYPASSED");
    }

    [Theory]
    [InlineData(BrightPath, 3, false, 0, "")]
    [InlineData(BrightPath, 5, true, 4, "medicaid-mue-practitioner-2026-07-01")]
    [InlineData("MEDICARE", 3, true, 2, "mue-practitioner-2026-07-01")]
    public async Task UnitsOf0009U_AreCountedAgainstTheMueOfThePayersProgram(string payer, int units, bool exceeded, int mue, string version)
    {
        var claim = ProtoClaims.Of(July, "0009U").ForPayer(payer);
        claim.Lines[0].Units = units;

        var response = await Scrub(claim);

        var edit = response.Edits.SingleOrDefault(e => e.EditType == "MUE_UNITS_EXCEEDED");
        Assert.Equal(exceeded, edit is not null);
        Assert.Equal((mue, version), edit is null ? (0, string.Empty) : (edit.Mue, edit.TableVersion));
        Assert.Empty(response.UnitsNotEvaluatedLineIds);
    }

    [Fact]
    public async Task Status_ListsTheMedicaidTablesBesideMedicaresAndEachPacksProgram()
    {
        var status = await Server.Admin.GetStatusAsync(new GetStatusRequest());

        Assert.Equal(
            [("practitioner", "ccipra-v322r0"), ("outpatient_hospital", "ccioph-v323r0"),
             ("medicaid_practitioner", "mcd-ptp-pra-v2026q3r0"), ("medicaid_outpatient_hospital", "mcd-ptp-oph-v2026q3r0")],
            status.NcciTables.Select(t => (t.Table, t.Version)));
        var medicaid = status.NcciTables[2];
        Assert.Equal((5L, "2026-07-01", Path.Combine(MedicaidFolder, "MCD-PTP-PRA-v2026q3-F1.sample.txt")), (medicaid.Rows, medicaid.AppliesFrom, Assert.Single(medicaid.Files)));
        Assert.Contains(status.MueTables, t => (t.Table, t.Version, t.Codes) == ("medicaid_practitioner", "medicaid-mue-practitioner-2026-07-01", 5));
        Assert.Equal(
            [("acme-commercial", "medicare"), ("brightpath-health", "medicaid"), ("mindwell-behavioral", "medicare")],
            status.Packs.Select(p => (p.Id, p.NcciProgram)).Order());
        Assert.Contains(Server.Logs.Lines, l => l.Contains("columns found from its content: column 1 code in cell 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadTables_NewMedicaidQuarter_EditsItsDatesWithIt()
    {
        PtpFiles.WriteMedicaid(Path.Combine(MedicaidFolder, "MCD-PTP-PRA-v2026q4-F1.txt"), PtpFiles.MedicaidRow("90460", "90471", "20110101", "*", "0"));

        var reply = await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest());

        Assert.Contains(reply.NcciTables, t => (t.Table, t.Version, t.AppliesFrom) == ("medicaid_practitioner", "mcd-ptp-pra-v2026q4r0", "2026-10-01"));
        var october = Assert.Single((await Scrub(ProtoClaims.Of(October, "90460", "90471").ForPayer(BrightPath))).Edits, e => e.EditType == "NCCI_PTP");
        Assert.Equal(("mcd-ptp-pra-v2026q4r0", 0), (october.TableVersion, october.ModifierIndicator));
        var july = Assert.Single((await Scrub(ProtoClaims.Of(July, "90460", "90471").ForPayer(BrightPath))).Edits, e => e.EditType == "NCCI_PTP");
        Assert.Equal(("mcd-ptp-pra-v2026q3r0", 1), (july.TableVersion, july.ModifierIndicator));
    }

    [Fact]
    public async Task ReloadTables_MedicaidFileWhoseColumnsCannotBeFound_IsRefusedNamingItAndTheTablesInForceKeepServing()
    {
        var path = Path.Combine(MedicaidFolder, "MCD-PTP-PRA-v2026q4-F1.txt");
        File.WriteAllText(path, "notice\r\n90460\t90471\t20110101\t*\t1\t0\r\n59400\t59425\t20110101\t*\t0\t1\r\n", Encoding.Latin1);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest()));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains($"'{path}' could not be read: its columns cannot be found from the 2 rows from line 2 to line 3", ex.Status.Detail, StringComparison.Ordinal);
        var status = await Server.Admin.GetStatusAsync(new GetStatusRequest());
        Assert.Contains(path, status.NcciRejection, StringComparison.Ordinal);
        Assert.DoesNotContain(status.NcciTables, t => t.Version == "mcd-ptp-pra-v2026q4r0");
        Assert.Equal("mcd-ptp-pra-v2026q3r0", Assert.Single((await Scrub(ProtoClaims.Of(October, "90460", "90471").ForPayer(BrightPath))).Edits, e => e.EditType == "NCCI_PTP").TableVersion);
    }

    [Fact]
    public async Task ReloadTables_MutatedMedicaidFiles_EachLoadsOrIsRefusedNamingIt_AndScrubsAreAnswered()
    {
        var path = Path.Combine(MedicaidFolder, "MCD-PTP-PRA-v2026q4-F1.txt");
        int loaded = 0, refused = 0;
        foreach (var mutation in ByteMutator.Mutate(File.ReadAllBytes(RepositoryPaths.MedicaidPractitionerSample), seed: 17, count: 24))
        {
            await File.WriteAllBytesAsync(path, mutation.Bytes);
            try
            {
                await Server.Admin.ReloadTablesAsync(new ReloadTablesRequest());
                loaded++;
            }
            catch (RpcException ex)
            {
                Assert.True(ex.StatusCode == StatusCode.FailedPrecondition && ex.Status.Detail.Contains(path, StringComparison.Ordinal),
                    $"{mutation.Description}: {ex.StatusCode} {ex.Status.Detail}");
                refused++;
            }

            var response = await Scrub(ProtoClaims.Of(July, "90460", "90471").ForPayer(BrightPath));
            Assert.True(response.Disposition != Disposition.Unspecified, mutation.Description);
        }

        Assert.True(loaded > 0 && refused > 0, $"{loaded} loaded, {refused} refused; the mutations should do both");
        var pediatric = Assert.Single((await Scrub(ProtoClaims.Of(July, "90460", "90471").ForPayer(BrightPath))).Edits, e => e.EditType == "NCCI_PTP");
        Assert.Equal("mcd-ptp-pra-v2026q3r0", pediatric.TableVersion);
    }

    private async Task<ScrubClaimResponse> Scrub(Claim claim) => await Server.Scrubber.ScrubClaimAsync(claim.Request());
}
